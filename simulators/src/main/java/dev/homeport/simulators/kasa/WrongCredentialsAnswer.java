package dev.homeport.simulators.kasa;

/** How the simulated camera answers a request with wrong credentials. */
public enum WrongCredentialsAnswer {
  /** HTTP 401 with {@code WWW-Authenticate: Basic realm="smarthome@tp-link.com"} (most models). */
  HTTP_401,
  /**
   * HTTP 200 with an encrypted top-level {@code {"err_code":-10007}} body: the seed's notes; no
   * device has been seen to send it (kasa-firmware.md §1).
   */
  ERR_CODE_10007,
  /**
   * HTTP 200 whose body answers {@code -10007 "Unauthorized Error"} for every method asked and for
   * {@code context} (KC115, kasa-firmware.md §1).
   */
  PER_METHOD_10007,
  /** HTTP 403 with an empty body (some KC110/KC200 builds). */
  HTTP_403,
  /** No answer at all: the connection is held open until the client gives up (KC420WS). */
  NO_ANSWER
}
