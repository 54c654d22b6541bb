import Foundation
import PosHTTP

/// `nginx/html/openapi.json`, read from the checkout.
struct OpenAPIDocument {
    struct Operation: CustomStringConvertible {
        let method: String
        let path: String
        /// Path parameters, with `$ref`s resolved.
        let pathParameters: [JSON]
        /// The names of the security schemes the operation accepts (`bearer`, `guest`); empty
        /// when public.
        var securitySchemes: [String] = []

        var description: String { "\(method) \(path)" }
    }

    let json: JSON

    static let httpMethods = ["get", "put", "post", "patch", "delete", "head", "options"]

    static func fromRepository() throws -> OpenAPIDocument {
        OpenAPIDocument(json: try JSONParser.parse(try RepositoryFiles.read("nginx/html/openapi.json")))
    }

    var operations: [Operation] {
        guard case .object(let paths)? = json["paths"] else { return [] }
        return paths.flatMap { path, item -> [Operation] in
            guard case .object(let members) = item else { return [] }
            let shared = (item["parameters"]?.arrayValue ?? []).map(resolve)
            return members.filter { Self.httpMethods.contains($0.0) }.map { method, operation in
                let own = (operation["parameters"]?.arrayValue ?? []).map(resolve)
                let security = (operation["security"] ?? json["security"])?.arrayValue ?? []
                let schemes = security.flatMap { requirement -> [String] in
                    guard case .object(let members) = requirement else { return [] }
                    return members.map(\.0)
                }
                return Operation(method: method.uppercased(), path: path,
                                 pathParameters: (shared + own).filter { $0["in"] == "path" }, securitySchemes: schemes)
            }
        }
    }

    /// Concrete paths for `operation`: each `{name}` becomes every value of its enum, or 999999
    /// (an id nothing has).
    func concretePaths(_ operation: Operation) -> [String] {
        var paths = [operation.path]
        for parameter in operation.pathParameters {
            guard let name = parameter["name"]?.stringValue else { continue }
            let values = parameter["schema"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? ["999999"]
            paths = paths.flatMap { path in values.map { path.replacingOccurrences(of: "{\(name)}", with: $0) } }
        }
        return paths
    }

    /// The string values of the `enum` of `operation`'s path parameter `name`; nil when the
    /// parameter has no enum (or no such parameter).
    func pathParameterEnum(_ operation: Operation, _ name: String) -> [String]? {
        guard let parameter = operation.pathParameters.first(where: { $0["name"]?.stringValue == name }),
              let values = parameter["schema"]?["enum"]?.arrayValue else { return nil }
        return values.compactMap(\.stringValue)
    }

    /// Follows a local `$ref` (`#/components/parameters/Id`).
    func resolve(_ value: JSON) -> JSON {
        guard let reference = value["$ref"]?.stringValue, reference.hasPrefix("#/") else { return value }
        var target: JSON? = json
        for key in reference.dropFirst(2).split(separator: "/") { target = target?[String(key)] }
        return target ?? value
    }
}
