/// Where and as whom to connect. A unix socket, when given, is used instead of host and port.
public struct DatabaseConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var socket: String?
    public var user: String
    public var password: String
    public var database: String

    public init(host: String = "127.0.0.1", port: Int = 3306, socket: String? = nil,
                user: String, password: String, database: String) {
        self.host = host
        self.port = port
        self.socket = socket
        self.user = user
        self.password = password
        self.database = database
    }
}
