export { type AppType, createApp } from "./app";
