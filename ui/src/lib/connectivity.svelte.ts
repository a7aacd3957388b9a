// Whether the computer has a network connection, as the operating system reports it.
// Nothing on the catalog screens needs one; the badge only tells the user where they stand.
class Connectivity {
  online = $state(typeof navigator === "undefined" ? true : navigator.onLine);

  constructor() {
    if (typeof window === "undefined") return;
    window.addEventListener("online", () => (this.online = true));
    window.addEventListener("offline", () => (this.online = false));
  }
}

export const connectivity = new Connectivity();
