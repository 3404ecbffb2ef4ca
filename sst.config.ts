import type { SSTConfig } from "sst";
import type { StackContext } from "sst/constructs";
import { KetNoiPlatform } from "./infra/ketnoi";
import { deployRegion, platformProps } from "./infra/options";

/** The one stack: the whole platform, as infra/app.ts mounts it too. */
export function Platform({ stack, app }: StackContext) {
  new KetNoiPlatform(stack, "Platform", platformProps(app.stage, { allowPlaceholderWeb: false }));
}

/** SST v2 entry: `npm run build && npx sst deploy --stage prod` (docs/deploy.md). */
export default {
  config() {
    return { name: "ketnoi", region: deployRegion() };
  },
  stacks(app) {
    app.stack(Platform);
  },
} satisfies SSTConfig;
