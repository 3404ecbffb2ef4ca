import { render } from "solid-js/web";
import { App } from "./app/App";
import "./styles.css";
import { session } from "./app/session/session";

// A failed refresh leaves the session in its "error" or signed-out state; pages still work without it.
session.refresh().catch(() => {});

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
render(() => <App />, root);
