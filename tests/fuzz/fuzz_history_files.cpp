// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Fuzzes what the run history reads from a working directory: every input is read as a manifest
// and as a run record, and its text is compared with a recorded step's pre-images as a key
// explanation would.
#include "core/history/KeyExplain.h"
#include "core/history/RunRecord.h"
#include "core/manifest/Manifest.h"
#include "core/value/JsonReader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    fondant::Result<fondant::Value> root = fondant::JsonReader::parse(text, "input.json");
    if (root.ok()) {
        fondant::Result<fondant::Manifest> manifest
            = fondant::Manifest::fromValue(root.value(), "manifest.json");
        if (manifest.ok())
            (void)manifest.value().fields();
        (void)fondant::RunRecord::fromValue(root.value(), "record.json");
    }
    // As every one of the four texts of a step, against a fixed earlier version.
    const fondant::RunRecord::Preimages before {R"({"a": 1, "cache": true})",
        R"({"specification": {"name": "X"}, "consumes": {}, "produces": {}})",
        R"({"base_image": "i:1", "extra_requires": null, "script": null})",
        R"({"accelerator_name": null, "previous_component_cache": "k"})"};
    const std::string input(text);
    (void)fondant::KeyExplain::diff(before, {input, input, input, input});
    return 0;
}
