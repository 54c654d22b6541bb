import CQRencode
#if canImport(Glibc)
import Glibc
#endif

/// A QR code symbol: a square of dark and light modules, made by libqrencode. The only
/// importer of `CQRencode`; no C type leaves this module.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol may be damaged and still read (ISO/IEC 18004 levels).
    public enum Correction: Sendable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// The symbol version, 1…40; `size` is `17 + 4 × version`.
    public let version: Int
    /// Modules per side, without a quiet zone.
    public let size: Int
    /// Row-major, `size × size`; true is dark.
    let modules: [Bool]

    /// A symbol of the given modules (row-major, `size × size`), for renderer tests.
    init(version: Int, size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR code has size × size modules")
        self.version = version
        self.size = size
        self.modules = modules
    }

    /// Encodes `text` (as UTF-8 bytes, 8-bit mode, the smallest version that fits).
    /// Throws `QRCodeError` when libqrencode refuses (too long for version 40, out of memory).
    public init(encoding text: String, correction: Correction = .medium) throws {
        guard !text.isEmpty else { throw QRCodeError(function: "QRcode_encodeString8bit", code: EINVAL) }
        errno = 0
        guard let symbol = QRcode_encodeString8bit(text, 0, correction.level) else {
            throw QRCodeError(function: "QRcode_encodeString8bit", code: errno)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        self.init(version: Int(symbol.pointee.version), size: width, modules: bytes.map { $0 & 1 == 1 })
    }

    /// Whether the module at `row`, `column` (0-based, from the top left) is dark.
    public func isDark(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }
}

/// libqrencode refused to encode: the function and its `errno` (EINVAL: empty input,
/// ERANGE: too long for any version, ENOMEM: out of memory).
public struct QRCodeError: Error, Sendable, CustomStringConvertible {
    public let function: String
    public let code: Int32

    public var description: String {
        let reason = switch code {
        case EINVAL: "invalid input"
        case ERANGE: "the text is too long for a QR code"
        case ENOMEM: "out of memory"
        default: "errno \(code)"
        }
        return "\(function) failed: \(reason)"
    }
}
