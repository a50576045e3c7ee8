// The small piece of XML the peers' files need: an attribute's value in a
// tag's text, and the five predefined entities. Not an XML parser.
#ifndef FAULTLINE_BASE_XML_ATTR_H_
#define FAULTLINE_BASE_XML_ATTR_H_

#include <string>
#include <string_view>

namespace faultline {

// Value of attribute `name` in a tag's text (`name="v"`, `name = 'v'`);
// "" when absent. Entities in the value are not decoded.
std::string XmlAttribute(std::string_view tag, std::string_view name);

// `s` with &amp; &lt; &gt; &quot; &apos; decoded (others left as written).
std::string XmlUnescape(std::string_view s);

}  // namespace faultline

#endif  // FAULTLINE_BASE_XML_ATTR_H_
