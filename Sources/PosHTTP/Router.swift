/// Maps method + path to a handler. Patterns are literal segments and `:name` parameters
/// (`/api/menu/items/:id`). A path that matches with another method gives 405 with `Allow`;
/// no match gives 404 `route-not-found`. `Context` is what a handler gets besides the request
/// (the services' is PosCore's `RequestContext`: the thread's database connection, settings, logger).
public struct HTTPRouter<Context> {
    public typealias Handler = (HTTPRequest, Context) throws -> HTTPResponse

    public struct Route {
        public let method: String
        public let pattern: String
        let segments: [Substring]
        let handler: Handler

        var literalCount: Int { segments.count { $0.first != ":" } }
    }

    public private(set) var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: pattern, segments: pattern.split(separator: "/"), handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }
    public mutating func patch(_ pattern: String, _ handler: @escaping Handler) { add("PATCH", pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add("DELETE", pattern, handler) }

    /// Finds the route for the request, with its path parameters filled in. Of the patterns
    /// that match the path, only the most literal ones count (`/tables/print` over
    /// `/tables/:id`), so a fixed path never falls into a parameter route of another method;
    /// a path they match with other methods only is 405 with `Allow` (HEAD wherever GET is).
    public func match(_ request: HTTPRequest) throws -> (Handler, HTTPRequest) {
        let segments = request.path.split(separator: "/")
        let candidates = routes.compactMap { route in Self.match(route.segments, segments).map { (route, $0) } }
        let mostLiteral = candidates.map { $0.0.literalCount }.max() ?? 0
        var allowed: [String] = []
        for (route, parameters) in candidates where route.literalCount == mostLiteral {
            let sameMethod = route.method == request.method || (request.method == "HEAD" && route.method == "GET")
            guard sameMethod else {
                allowed += route.method == "GET" ? ["GET", "HEAD"] : [route.method]
                continue
            }
            var matched = request
            matched.pathParameters = parameters
            matched.routePattern = route.pattern
            return (route.handler, matched)
        }
        if !allowed.isEmpty {
            var error = HTTPError(status: 405, slug: "method-not-allowed", title: "Method not allowed",
                                  detail: "\(request.method) is not allowed on \(request.path).")
            error.headers = [("Allow", allowed.joined(separator: ", "))]
            throw error
        }
        throw HTTPError(status: 404, slug: "route-not-found", title: "Not found",
                        detail: "No API route matches \(request.method) \(request.path).")
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> [String: String]? {
        guard pattern.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, path) {
            if expected.first == ":" {
                parameters[String(expected.dropFirst())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
