@testable import PlayhubKit

/// Swift Testing also has a `SourceLocation`; in these tests the name means playhub's.
typealias SourceLocation = PlayhubKit.SourceLocation
