import PosHTTP
import Testing
@testable import MenuService

/// Input validation and small pure rules of the menu service; no database needed.
@Suite struct MenuInputTests {
    private func body(_ text: String) throws -> JSONBody {
        try JSONBody(HTTPRequest(method: "POST", path: "/api/menu/items", headers: ["content-type": "application/json"],
                                 body: Array(text.utf8)))
    }

    private func fieldErrors(_ run: () throws -> Void) -> [String] {
        do {
            try run()
            return []
        } catch let error as HTTPError {
            return error.fieldErrors.map(\.field)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aMinimalItemGetsTheDefaults() throws {
        var input = try body(#"{"category_id": 1, "name": " Latte ", "price_cents": 350, "tax_rate_bp": 1000}"#)
        let item = try NewItem.parse(&input)
        #expect(item.fields == ItemFields(categoryID: 1, name: "Latte", description: "", priceCents: 350,
                                          taxRateBP: 1000, available: true, stock: nil))
        #expect(item.modifierGroups.isEmpty)
    }

    @Test func anItemWithGroupsParsesInOrder() throws {
        var input = try body(#"""
            {"category_id": 1, "name": "Latte", "price_cents": 350, "tax_rate_bp": 1000, "stock": 0,
             "modifier_groups": [{"name": "Milk", "min_select": 1, "max_select": 1,
                                  "options": [{"name": "Oat", "price_delta_cents": 50}, {"name": "Skim", "price_delta_cents": -10}]}]}
            """#)
        let item = try NewItem.parse(&input)
        #expect(item.fields.stock == 0)
        #expect(item.modifierGroups == [ModifierGroupInput(name: "Milk", minSelect: 1, maxSelect: 1, options: [
            ModifierOptionInput(name: "Oat", priceDeltaCents: 50), ModifierOptionInput(name: "Skim", priceDeltaCents: -10)])])
    }

    @Test func everyInvalidFieldIsReportedAtOnce() throws {
        var input = try body(#"""
            {"category_id": 0, "name": "", "description": 5, "price_cents": 10000001, "tax_rate_bp": 1.5,
             "available": "yes", "stock": 1000001,
             "modifier_groups": [{"name": "G", "min_select": 3, "max_select": 2,
                                  "options": [{"name": "a", "price_delta_cents": -10000001}]}]}
            """#)
        let fields = fieldErrors { _ = try NewItem.parse(&input) }
        #expect(Set(fields) == ["category_id", "name", "description", "price_cents", "tax_rate_bp", "available", "stock",
                                "modifier_groups[0].min_select", "modifier_groups[0].options[0].price_delta_cents"])
    }

    @Test func requiredFieldsAreNamed() throws {
        var input = try body(#"{"modifier_groups": [{"options": [{}]}]}"#)
        let fields = fieldErrors { _ = try NewItem.parse(&input) }
        #expect(Set(fields) == ["category_id", "name", "price_cents", "tax_rate_bp", "modifier_groups[0].name",
                                "modifier_groups[0].min_select", "modifier_groups[0].max_select",
                                "modifier_groups[0].options[0].name", "modifier_groups[0].options[0].price_delta_cents"])
    }

    @Test func groupLimitsAreEnforced() throws {
        let option = #"{"name": "o", "price_delta_cents": 0}"#
        let tooManyOptions = Array(repeating: option, count: 21).joined(separator: ",")
        let group = #"{"name": "g", "min_select": 0, "max_select": 1, "options": []}"#
        let tooManyGroups = Array(repeating: group, count: 11).joined(separator: ",")
        var a = try body(#"{"category_id": 1, "name": "x", "price_cents": 1, "tax_rate_bp": 0, "modifier_groups": [{"name": "g", "min_select": 0, "max_select": 0, "options": [\#(tooManyOptions)]}]}"#)
        #expect(Set(fieldErrors { _ = try NewItem.parse(&a) }) == ["modifier_groups[0].max_select", "modifier_groups[0].options"])
        var b = try body(#"{"category_id": 1, "name": "x", "price_cents": 1, "tax_rate_bp": 0, "modifier_groups": [\#(tooManyGroups)]}"#)
        #expect(fieldErrors { _ = try NewItem.parse(&b) } == ["modifier_groups"])
        var c = try body(#"{"category_id": 1, "name": "x", "price_cents": 1, "tax_rate_bp": 0, "modifier_groups": [{"name": "g", "min_select": 2, "max_select": 5, "options": [\#(option)]}]}"#)
        #expect(fieldErrors { _ = try NewItem.parse(&c) } == ["modifier_groups[0].min_select"])
    }

    @Test func namesMustFitTheirColumnInCodePoints() throws {
        let decomposed = String(repeating: "e\u{301}", count: 100)  // 100 characters, 200 code points
        var input = try body(#"{"category_id": 1, "name": "\#(decomposed)", "price_cents": 1, "tax_rate_bp": 0}"#)
        #expect(fieldErrors { _ = try NewItem.parse(&input) } == ["name"])
    }

    @Test func aPatchChangesOnlyWhatItSends() throws {
        var input = try body(#"{"price_cents": 400, "stock": null}"#)
        let patch = try ItemPatch.parse(&input)
        let before = ItemFields(categoryID: 1, name: "Latte", description: "d", priceCents: 350, taxRateBP: 1000,
                                available: true, stock: 4)
        let after = patch.applied(to: before)
        #expect(after == ItemFields(categoryID: 1, name: "Latte", description: "d", priceCents: 400, taxRateBP: 1000,
                                    available: true, stock: nil))
        #expect(patch.modifierGroups == nil)
        let changes = fieldChanges(from: before.jsonMembers, to: after.jsonMembers)
        #expect(changes.map(\.0) == ["price_cents", "stock"])
    }

    @Test func aBaristaMaySendOnlyAvailableAndVersion() throws {
        try ItemPatch.checkBaristaMayChange(try body(#"{"available": false, "version": 3}"#))
        #expect(throws: HTTPError.self) { try ItemPatch.checkBaristaMayChange(try body(#"{"available": false, "stock": 3}"#)) }
    }

    @Test func aCategoryPatchCanClearTheStation() throws {
        var input = try body(#"{"station": null}"#)
        let patch = CategoryInput.forUpdate(&input)
        try input.finish()
        var create = try body(#"{"name": "Coffee", "station": "bar"}"#)
        _ = CategoryInput.forCreate(&create)
        try create.finish()
        #expect(patch.name == nil && patch.position == nil)
        if case .null = patch.station {} else { Issue.record("station should be .null") }
    }

    @Test func ifNoneMatchUsesWeakComparisonAndLists() {
        let etag = PublicMenuController.etag(7)
        #expect(etag == "\"menu-7\"")
        #expect(PublicMenuController.matches("\"menu-7\"", etag))
        #expect(PublicMenuController.matches("\"x\", W/\"menu-7\"", etag))
        #expect(PublicMenuController.matches("*", etag))
        #expect(!PublicMenuController.matches("\"menu-6\"", etag))
        #expect(!PublicMenuController.matches(nil, etag))
    }
}
