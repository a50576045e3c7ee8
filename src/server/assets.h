// The dashboard's files, embedded into the binary at build time
// (cmake/embed_assets.cmake writes the table from web/ and the chart
// libraries in node_modules/). The server answers static requests only from
// this table: nothing is read from the file system at request time, so no
// path a client sends can reach a file.
#ifndef FAULTLINE_SERVER_ASSETS_H_
#define FAULTLINE_SERVER_ASSETS_H_

#include <string_view>

namespace faultline {

struct Asset {
  std::string_view path;          // "/index.html", "/vendor/echarts.min.js"
  std::string_view content_type;  // with charset for text
  std::string_view data;
};

// The asset served at exactly `path`, or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace faultline

#endif  // FAULTLINE_SERVER_ASSETS_H_
