import type { Me } from "@ketnoi/core";
import type { JSX } from "solid-js";
import { type Audience, Guard } from "./Guard";
import { usePageTitle } from "./title";

/**
 * A page for one audience: names the tab, lets in only its audience (or explains why not, app/Guard.tsx) and heads
 * the page with its one <h1>, the same text as the tab title so the two cannot drift apart.
 */
export function Page(props: { title: string; audience: Audience; children: (me: Me) => JSX.Element }) {
  usePageTitle(() => props.title);
  return (
    <Guard audience={props.audience}>
      {(me) => (
        <>
          <h1>{props.title}</h1>
          {props.children(me)}
        </>
      )}
    </Guard>
  );
}
