/// A setting that is out of range or unknown, its message naming the setting (`POS_TIMEZONE=…`).
/// Thrown by `BusinessDay` and by the services' settings readers; a service stops on it at start.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
