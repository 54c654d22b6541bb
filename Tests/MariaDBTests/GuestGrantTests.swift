import MariaDB
import PosCoreTesting
import Testing

/// Issue 7's grant checks, spelled out (GrantTests checks every account against sql/grants.sql
/// as a whole): the guest service's account reads no staff data and moves no money, and the
/// order service sees a table's label, never its token.
@Suite("Guest ordering's accounts")
struct GuestGrantTests {
    @Test("pos_guest cannot read staff, tokens, orders or payments, nor write payments")
    func guestAccountIsConfined() throws {
        let probe = try AccessProbe("pos_guest")
        for table in ["staff", "auth_tokens", "login_throttle", "orders", "payments", "refunds", "shifts"] {
            #expect(probe.select(table), "pos_guest may SELECT \(table)")
        }
        for table in ["payments", "refunds", "payment_order_totals", "cash_movements", "orders", "menu_items"] {
            #expect(probe.insert(table), "pos_guest may INSERT into \(table)")
            #expect(probe.delete(table), "pos_guest may DELETE from \(table)")
        }
        #expect(probe.update("payments", column: "amount_cents"))
        #expect(!probe.select("guest_tables") && !probe.insert("guest_sessions"), "its own tables it may use")
        #expect(probe.update("guest_tables", column: "token"), "a table's token never changes after it is made")
    }

    @Test("pos_order reads a table's id and label, not its token; it cannot touch sessions")
    func orderAccountSeesLabelsOnly() throws {
        let probe = try AccessProbe("pos_order")
        #expect(!probe.isRefused("SELECT id, label FROM guest_tables WHERE FALSE", reading: true))
        #expect(probe.isRefused("SELECT token FROM guest_tables WHERE FALSE", reading: true))
        #expect(probe.isRefused("SELECT token_digest FROM guest_tables WHERE FALSE", reading: true))
        #expect(probe.select("guest_sessions"))
        #expect(probe.insert("guest_tables"))
    }
}
