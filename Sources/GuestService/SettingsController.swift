import PosCore
import PosHTTP
import PosMoney

/// `GET /api/settings` (anyone): what front ends need to show money and days as the services
/// count them, from the same configuration (README "Configuration"). ETag and 304 like the menu.
enum SettingsController {
    static func register(_ router: inout Router) {
        router.get("/api/settings", settings)
    }

    static func settings(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        HTTPResponse.json(json(context.environment)).conditional(on: request, prefix: "settings")
    }

    static func json(_ environment: ServiceEnvironment) -> JSON {
        ["cafe_name": .string(environment.cafeName), "currency": .string(environment.currency),
         "locale": .string(environment.locale), "time_zone": .string(environment.timeZoneIdentifier),
         "business_day_start_hour": .int(environment.businessDay.dayStartHour),
         "prices_include_tax": .bool(environment.taxMode == .inclusive)]
    }
}
