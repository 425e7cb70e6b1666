// The browser's time zone, in a cookie the server reads on the web socket: the settings'
// date picker sends the picked day's local midnight as a UTC instant, and only the zone
// it was picked in says which day that was (UTC+14 and UTC-10 share the same instants).
document.cookie = "priorauth_tz=" +
  encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || "") +
  "; path=/; SameSite=Lax; max-age=31536000";
