import Foundation
import NIOCore

/// The address `serve` listens on, resolved exactly as NIO resolves it when it binds
/// (`SocketAddress.makeAddressResolvingHost`, first answer), so the loopback check and the
/// port probe look at the very address the server will use.
enum ListenAddress {
    /// nil when the host does not resolve; the server's own bind then says why.
    static func resolve(_ host: String, port: Int) -> SocketAddress? {
        try? SocketAddress.makeAddressResolvingHost(host, port: port)
    }

    /// True for 127.0.0.0/8, `::1` and `::ffff:127.x.x.x`: only this machine can connect.
    /// The wildcards `0.0.0.0` and `::` are every interface, so they are not.
    static func isLoopback(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { $0[0] == 127 }
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let loopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
            let mappedV4 = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
            return loopback || mappedV4
        default:
            return false
        }
    }

    /// The line `serve` prints before serving anywhere but this machine (SPEC §6: it binds to
    /// 127.0.0.1 unless told otherwise, and says so when it does not).
    static func exposureWarning(host: String, includeDrafts: Bool) -> String {
        let shown = includeDrafts ? "drafts and unsafe HTML included" : "unsafe HTML included (and drafts, with --drafts)"
        return "playhub serve: warning: \(host) is not a loopback address, so other machines on the network can open this "
            + "preview and see everything it shows, \(shown); use --host 127.0.0.1 to keep it on this machine"
    }
}
