// text/url.h — finds a URL or e-mail address inside a whitespace-free chunk,
// so the tokenizer keeps it as one token ("https://example.org/a?b=1",
// "www.reuters.com", "press@example.org") while the punctuation around it
// ("(", ").", ",") stays separate. Stateless; safe from any thread.
#ifndef FAULTLINE_TEXT_URL_H_
#define FAULTLINE_TEXT_URL_H_

#include <cstddef>
#include <string_view>

namespace faultline {

// True when `chunk` (valid UTF-8, no spaces) holds a URL ("scheme://",
// "www.") or an e-mail address; [*begin, *end) is then its byte range within
// the chunk, without leading openers or trailing punctuation and quotes. A
// final ')' stays when the address itself opened one (Wikipedia links).
bool FindUrl(std::string_view chunk, size_t* begin, size_t* end);

}  // namespace faultline

#endif  // FAULTLINE_TEXT_URL_H_
