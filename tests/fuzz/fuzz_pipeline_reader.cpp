// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the pipeline reader, then checks and keys what it reads through the
// core's session, saves it and reads it back. Nothing may crash or hang, a saved document must
// read back to itself, and saving must not change any step's cache key.
#include "core/cache/PipelineKeys.h"
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

// The test components, so that steps naming them get a real analysis and real keys.
QStringList componentDirs()
{
    return {QStringLiteral(FONDANT_FUZZ_DATA_DIR "/fidelity/components"),
        QStringLiteral(FONDANT_FUZZ_DATA_DIR "/components")};
}

std::vector<std::optional<std::string>> keyTexts(const fondant::PipelineKeys &keys)
{
    std::vector<std::optional<std::string>> texts;
    texts.reserve(keys.keys.size());
    for (const std::optional<fondant::CacheKey> &key : keys.keys)
        texts.push_back(key ? std::optional<std::string>(key->key) : std::nullopt);
    return texts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QStringList dirs = componentDirs();
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    fondant::Result<fondant::Pipeline> pipeline
        = fondant::PipelineReader::parse(text, "fuzz.pipeline.yaml");
    if (!pipeline.ok())
        return 0;

    fondant::PipelineSession session(dirs);
    session.reset(pipeline.value());
    const std::vector<std::optional<std::string>> keys = keyTexts(session.keys());

    const std::string saved = fondant::PipelineWriter::toYaml(pipeline.value());
    fondant::Result<fondant::Pipeline> again
        = fondant::PipelineReader::parse(saved, "fuzz.pipeline.yaml");
    if (!again.ok() || fondant::PipelineWriter::toYaml(again.value()) != saved)
        __builtin_trap(); // a saved document must read back to itself

    fondant::PipelineSession reread(dirs);
    reread.reset(again.value());
    if (keyTexts(reread.keys()) != keys)
        __builtin_trap(); // saving must not change what Fondant hashes
    if (keyTexts(fondant::PipelineKeys::compute(reread.pipeline(), reread.analysis())) != keys)
        __builtin_trap(); // the session's keys are those of its analysis
    return 0;
}
