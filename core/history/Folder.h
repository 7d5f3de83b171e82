// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fondant {

/// A local folder opened for reading: its entries by kind without following links, and the
/// files in it read or inspected by name relative to the open folder (one system call each, no
/// path walks), for reading working directories of thousands of files quickly.
class Folder
{
public:
    enum class Kind { Folder, File, Link, Other };
    struct Entry
    {
        std::string name;
        Kind kind = Kind::Other;
    };
    struct Status
    {
        Kind kind = Kind::Other;
        std::int64_t bytes = 0;
        std::int64_t modified = 0; ///< ms since the epoch
    };

    /// Opens path, or gives the system's reason it cannot be opened.
    static Result<Folder> open(const std::string &path);
    /// Opens a folder inside this one (not through a link).
    Result<Folder> openFolder(const std::string &name) const;

    Folder(Folder &&other) noexcept;
    Folder &operator=(Folder &&other) noexcept;
    Folder(const Folder &) = delete;
    Folder &operator=(const Folder &) = delete;
    ~Folder();

    const std::string &path() const { return m_path; }
    std::string pathOf(const std::string &name) const
    {
        return m_path.ends_with('/') ? m_path + name : m_path + "/" + name;
    }
    /// The entries, sorted by name ("." and ".." left out).
    std::vector<Entry> entries() const;
    /// Kind, size and modification time of an entry (a link is not followed).
    std::optional<Status> status(const std::string &name) const;
    /// Status of the folder itself.
    std::optional<Status> status() const;
    /// The bytes of a regular file, refusing other kinds of files and files over maxBytes; the
    /// error names the file. status, when given, receives the file's status.
    Result<std::string> read(
        const std::string &name, std::int64_t maxBytes, Status *status = nullptr) const;

private:
    Folder(int descriptor, std::string path);
    int m_descriptor = -1;
    std::string m_path;
    mutable bool m_listed = false; ///< the descriptor's position is past the start
};

} // namespace fondant
