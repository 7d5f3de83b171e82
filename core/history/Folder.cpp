// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/Folder.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace fondant {

namespace {

Folder::Kind kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return Folder::Kind::Folder;
    if (S_ISREG(mode))
        return Folder::Kind::File;
    if (S_ISLNK(mode))
        return Folder::Kind::Link;
    return Folder::Kind::Other;
}

Folder::Status statusOf(const struct stat &info)
{
    return {kindOf(info.st_mode), static_cast<std::int64_t>(info.st_size),
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000};
}

Diagnostic systemError(const std::string &path, const std::string &what)
{
    return Diagnostic::error(path, {}, what + ": " + std::strerror(errno));
}

} // namespace

Folder::Folder(int descriptor, std::string path) : m_descriptor(descriptor), m_path(std::move(path))
{ }

Folder::Folder(Folder &&other) noexcept
    : m_descriptor(std::exchange(other.m_descriptor, -1)), m_path(std::move(other.m_path)),
      m_listed(other.m_listed)
{ }

Folder &Folder::operator=(Folder &&other) noexcept
{
    if (this != &other) {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
        m_descriptor = std::exchange(other.m_descriptor, -1);
        m_path = std::move(other.m_path);
        m_listed = other.m_listed;
    }
    return *this;
}

Folder::~Folder()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

Result<Folder> Folder::open(const std::string &path)
{
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0)
        return systemError(path, "cannot be read");
    return Folder(descriptor, path);
}

Result<Folder> Folder::openFolder(const std::string &name) const
{
    const int descriptor
        = ::openat(m_descriptor, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (descriptor < 0)
        return systemError(pathOf(name), "cannot be read");
    return Folder(descriptor, pathOf(name));
}

std::vector<Folder::Entry> Folder::entries() const
{
    std::vector<Entry> entries;
    // getdents64 straight on the open folder: no second descriptor, no stat per entry.
    if (m_listed && ::lseek(m_descriptor, 0, SEEK_SET) != 0)
        return entries;
    m_listed = true;
    alignas(8) char buffer[32 * 1024];
    for (;;) {
        const long count = ::syscall(SYS_getdents64, m_descriptor, buffer, sizeof buffer);
        if (count <= 0)
            break;
        for (long offset = 0; offset < count;) {
            dirent64 entry {};
            std::memcpy(&entry, buffer + offset, offsetof(dirent64, d_name));
            const char *name = buffer + offset + offsetof(dirent64, d_name);
            offset += entry.d_reclen;
            if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0)
                continue;
            Kind kind = Kind::Other;
            switch (entry.d_type) {
            case DT_DIR:
                kind = Kind::Folder;
                break;
            case DT_REG:
                kind = Kind::File;
                break;
            case DT_LNK:
                kind = Kind::Link;
                break;
            case DT_UNKNOWN:
                if (const std::optional<Status> found = status(name))
                    kind = found->kind;
                break;
            default:
                break;
            }
            entries.push_back({name, kind});
        }
    }
    std::sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.name < b.name; });
    return entries;
}

std::optional<Folder::Status> Folder::status(const std::string &name) const
{
    struct stat info
    {
    };
    if (::fstatat(m_descriptor, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
        return std::nullopt;
    return statusOf(info);
}

std::optional<Folder::Status> Folder::status() const
{
    struct stat info
    {
    };
    if (::fstat(m_descriptor, &info) != 0)
        return std::nullopt;
    return statusOf(info);
}

Result<std::string> Folder::read(
    const std::string &name, std::int64_t maxBytes, Status *status) const
{
    const std::string path = pathOf(name);
    // Not following links, and not blocking on a FIFO someone left there.
    const int file
        = ::openat(m_descriptor, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (file < 0)
        return systemError(path, "cannot be read");
    struct stat info
    {
    };
    if (::fstat(file, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(file);
        return Diagnostic::error(path, {}, "not a regular file");
    }
    if (status)
        *status = statusOf(info);
    if (info.st_size > maxBytes) {
        ::close(file);
        return Diagnostic::error(path, {},
            "too large (" + std::to_string(info.st_size) + " bytes; at most "
                + std::to_string(maxBytes) + " are read)");
    }
    std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t count = ::read(file, bytes.data() + done, bytes.size() - done);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        done += static_cast<std::size_t>(count);
    }
    ::close(file);
    bytes.resize(done); // a file that shrank while being read
    return bytes;
}

} // namespace fondant
