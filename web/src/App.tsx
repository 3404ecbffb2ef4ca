import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Shell } from "./components/Shell";
import { I18nProvider } from "./i18n/i18n";

// Each page is its own chunk, so the first load carries only the shell and the page being opened.
const Home = lazy(() => import("./pages/Home"));
const ListingDetail = lazy(() => import("./pages/ListingDetail"));
const SignIn = lazy(() => import("./pages/SignIn"));
const NotFound = lazy(() => import("./pages/NotFound"));

/** The routes, inside the language provider and the page shell. */
export function App() {
  return (
    <I18nProvider>
      <Router root={Shell}>
        <Route path="/" component={Home} />
        <Route path="/tin/:id" component={ListingDetail} />
        <Route path="/dang-nhap" component={SignIn} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
