import Foundation
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a busy port apart before any build work: binds a throwaway socket to the listen
/// address and closes it at once (never listening), so `serve` on a taken port fails in a
/// moment, with nothing built, instead of after the first build. `SO_REUSEADDR` is on, as
/// on the server's own socket, so a port held only by connections in TIME_WAIT is free.
enum PortProbe {
    /// True when binding `address` fails because another socket holds the port.
    static func isInUse(_ address: SocketAddress) -> Bool {
        let family: Int32
        switch address {
        case .v4: family = AF_INET
        case .v6: family = AF_INET6
        default: return false
        }
        #if canImport(Glibc)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(family, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockAddr { bind(fd, $0, socklen_t($1)) }
        return bound != 0 && errno == EADDRINUSE
    }
}
