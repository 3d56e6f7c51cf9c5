import Foundation
import PlayhubKit

/// libFuzzer calls this with each generated input: a content file, site.json or a template
/// (the first byte chooses; see `ContentFuzzing`).
@_cdecl("LLVMFuzzerTestOneInput")
public func contentFuzzer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    ContentFuzzing.exercise(Data(bytes: bytes, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; hand control to libFuzzer.
@_cdecl("ContentFuzzer_main")
public func contentFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, contentFuzzer)
}
