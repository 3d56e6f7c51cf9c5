import Foundation

/// Every entry below a folder, links not followed: files by bytes and modification time,
/// links by target, folders by name. Two states are equal only when nothing was added,
/// removed, changed or touched, so a test can say "this folder was left exactly as it was".
struct FolderState: Equatable, CustomStringConvertible {
    enum Entry: Equatable {
        case file(Data, Date)
        case link(String)
        case folder
    }

    let entries: [String: Entry]

    init(_ folder: URL) {
        var entries: [String: Entry] = [:]
        let fm = FileManager.default
        func walk(_ url: URL, prefix: String) {
            for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] {
                let child = url.appendingPathComponent(name), path = prefix + name
                let attributes = (try? fm.attributesOfItem(atPath: child.path)) ?? [:]
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory?:
                    entries[path + "/"] = .folder
                    walk(child, prefix: path + "/")
                case .typeSymbolicLink?:
                    entries[path] = .link((try? fm.destinationOfSymbolicLink(atPath: child.path)) ?? "?")
                default:
                    entries[path] = .file((try? Data(contentsOf: child)) ?? Data(), attributes[.modificationDate] as? Date ?? .distantPast)
                }
            }
        }
        walk(folder, prefix: "")
        self.entries = entries
    }

    var paths: [String] { entries.keys.sorted() }
    var description: String { paths.joined(separator: "\n") }
}
