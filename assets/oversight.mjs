// Progressive enhancement only: every page works without this script.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

// A page that follows work in the background (an Annex A load) fetches itself every few seconds and
// puts the new progress in place, in a live region that screen readers announce; once the work is done
// the whole page is loaded again. Without this script, the page has a link to refresh it.
const followed = document.querySelector("[data-refresh-every]");
if (followed) {
  const every = Number(followed.dataset.refreshEvery) * 1000;
  const follow = async () => {
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin" });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.querySelector("[data-refresh-every]");
        if (!fresh) {
          window.location.reload();
          return;
        }
        followed.innerHTML = fresh.innerHTML;
      }
    } catch {
      // the network failed for a moment: try again at the next turn
    }
    setTimeout(follow, every);
  };
  setTimeout(follow, every);
}
