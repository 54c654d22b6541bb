import CZlib

/// gzip (RFC 1952) of a whole buffer, for the `.gz` copies nginx serves with `gzip_static`.
enum Gzip {
    /// `bytes` compressed at `level` (1–9); nil if zlib fails.
    static func compress(_ bytes: [UInt8], level: Int32 = 9) -> [UInt8]? {
        // zlib's compressBound plus the gzip header and trailer, with room to spare.
        var capacity = UInt(bytes.count + bytes.count / 1000 + 64)
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                czlib_gzip(input.baseAddress, UInt(input.count), out.baseAddress, &capacity, level)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(capacity)))
    }
}
