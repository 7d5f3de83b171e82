# Compiler settings shared by every target of the project, through one INTERFACE target.
add_library(fondant_settings INTERFACE)
add_library(Fondant::Settings ALIAS fondant_settings)

target_compile_features(fondant_settings INTERFACE cxx_std_20)
target_compile_options(fondant_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
    -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<BOOL:${FONDANT_WERROR}>:-Werror>
    # GCC 12's optimiser reports std::string copies as overlapping (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
target_compile_definitions(fondant_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(FONDANT_SANITIZERS)
    list(JOIN FONDANT_SANITIZERS "," _fondant_sanitizers)
    target_compile_options(fondant_settings INTERFACE
        -fsanitize=${_fondant_sanitizers} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(fondant_settings INTERFACE -fsanitize=${_fondant_sanitizers})
endif()

# Sets the folder of a library's headers so that includes read "core/spec/ComponentSpec.h".
function(fondant_setup_library target)
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${target} PRIVATE Fondant::Settings)
endfunction()
