import type { DeployConfig } from "../src/app/session/cognito";

/** A deployed stage's /config.json (infra/web.ts), with the site at jsdom's origin. */
export const deployConfig: DeployConfig = {
  stage: "dev",
  region: "ap-southeast-1",
  userPoolId: "ap-southeast-1_Abc123",
  userPoolClientId: "client-123",
  authDomain: "ketnoi-dev-1a2b3c4d.auth.ap-southeast-1.amazoncognito.com",
  redirectUri: `${location.origin}/dang-nhap/xong`,
  logoutUri: `${location.origin}/`,
};
