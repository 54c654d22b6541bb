import MariaDB
import PosHTTP

/// What a handler sees besides the request: the thread's own database connection and the
/// service's settings.
public struct RequestContext {
    public let db: Connection
    public let environment: ServiceEnvironment
    public let logger: Logger
}

/// The services' router: every handler gets the request and the thread's `RequestContext`.
public typealias Router = HTTPRouter<RequestContext>

public typealias RouteHandler = Router.Handler
