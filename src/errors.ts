// One base error for newsgraph. Each subclass carries a stable `code` that the HTTP error handler maps to a
// status, and the CLI prints. Messages start with where they came from and never hold secrets.

export class NewsgraphError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A request parameter or body field is invalid; `parameter` names it. */
export class InvalidParameterError extends NewsgraphError {
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super('invalid_parameter', `${parameter}: ${message}`);
    this.parameter = parameter;
  }
}

/** An id (entity, article) or a route that does not exist. */
export class NotFoundError extends NewsgraphError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** Meilisearch cannot be reached or did not answer in time. */
export class SearchUnavailableError extends NewsgraphError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('search_unavailable', message, options);
  }
}

/** Configuration that cannot work: names the variable to set. */
export class ConfigError extends NewsgraphError {
  constructor(message: string) {
    super('config_error', message);
  }
}

/** A write endpoint was called without the right key, or with none configured. */
export class AuthError extends NewsgraphError {
  constructor(code: 'unauthorized' | 'admin_key_not_configured', message: string) {
    super(code, message);
  }
}

/** An endpoint or option that needs the in-memory graph, asked of a process in index mode (GRAPH_MODE). */
export class UnsupportedInIndexModeError extends NewsgraphError {
  constructor(what: string) {
    super(
      'unsupported_in_index_mode',
      `${what}: not answered in index mode (GRAPH_MODE=index), which holds no graph in this process; see docs/index-mode.md`,
    );
  }
}
