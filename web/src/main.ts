// The dashboard's entry: the token field, the pages by path, the navigation's current tab.
import { articlePage } from "./article-view.js";
import { eventsPage } from "./events-page.js";
import { render, route, startRouter } from "./router.js";
import "./style.css";
import { startTokenForm } from "./token-form.js";
import { watchPage, watchesPage } from "./watch-view.js";

route(/^\/$/, eventsPage);
route(/^\/article\/([^/]+)\/?$/, articlePage);
route(/^\/watches\/?$/, watchesPage);
route(/^\/watches\/([^/]+)\/?$/, watchPage);

const markNav = () => {
  const where = location.pathname.startsWith("/watches") ? "watches" : "events";
  for (const a of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) a.classList.toggle("current", a.dataset.nav === where);
};
document.addEventListener("sitrep:rendered", markNav);

startTokenForm(document.getElementById("token")!, () => void render());
startRouter(document.getElementById("app")!);
