import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { ref, resourcesOfType, type Stage, type SynthesizedCdkApp, synthesizeCdkApp } from "./test/template";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);

describe.each(stages)("stage %s", (stage) => {
  it("alarms on API 5xx and API function errors and throttles, notifying the alarm topic", () => {
    const [topicId] = one(stage, "AWS::SNS::Topic", "PlatformMonitoringAlarmTopic");
    const alarms = resourcesOfType(synth.templates[stage], "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties!);
    const find = (namespace: string, metric: string) =>
      alarms.find((a) => a.Namespace === namespace && a.MetricName === metric);
    expect(find("AWS/ApiGateway", "5xx")?.Dimensions).toContainEqual({ Name: "Stage", Value: "$default" });
    expect(find("AWS/Lambda", "Errors")).toBeDefined();
    expect(find("AWS/Lambda", "Throttles")).toBeDefined();
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([ref(topicId)]);
      expect(alarm.TreatMissingData).toBe("notBreaching");
    }
  });
});
