package dev.homeport.simulators.kasa;

/** How the simulated camera answers a request with wrong credentials. */
public enum WrongCredentialsAnswer {
  /** HTTP 401 with {@code WWW-Authenticate: Basic realm="smarthome@tp-link.com"} (most models). */
  HTTP_401,
  /** HTTP 200 with an encrypted {@code {"err_code":-10007}} body (some models). */
  ERR_CODE_10007,
  /** No answer at all: the connection is held open until the client gives up (KC420WS). */
  NO_ANSWER
}
