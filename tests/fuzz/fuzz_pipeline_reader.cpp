// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the pipeline reader and writer: they must never crash or hang.
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    fondant::Result<fondant::Pipeline> pipeline
        = fondant::PipelineReader::parse(text, "fuzz.pipeline.yaml");
    if (pipeline.ok()) {
        const std::string saved = fondant::PipelineWriter::toYaml(pipeline.value());
        fondant::Result<fondant::Pipeline> again
            = fondant::PipelineReader::parse(saved, "again.pipeline.yaml");
        if (!again.ok() || fondant::PipelineWriter::toYaml(again.value()) != saved)
            __builtin_trap(); // a saved document must read back to itself
    }
    return 0;
}
