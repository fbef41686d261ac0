// Reads the cells of an .xlsx workbook. No maintained xlsx reader is packaged by Debian for C or C++
// (docs/design.md), so the zip container is read with minizip and the XML parts with expat; this file
// only knows which parts to open and which few elements of SpreadsheetML carry values.
#include "sheets.hpp"

#include <expat.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

namespace chitieu::eval::detail {

namespace {

constexpr std::size_t max_part_bytes = std::size_t(512) << 20;  // refuse zip bombs beyond 512 MB a part

struct zip_closer {
  void operator()(void* z) const { unzClose(z); }
};
using zip_handle = std::unique_ptr<void, zip_closer>;

// minizip reads through a table of file functions; these read a buffer already in memory, so that a
// workbook whose bytes the caller holds (to digest them) is not read from disk a second time. Debian's
// minizip has no ioapi_mem, and the callbacks are short.
struct memory_stream {
  std::string_view bytes;
  std::size_t at = 0;
};

voidpf ZCALLBACK memory_open(voidpf opaque, void const*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  static_cast<memory_stream*>(opaque)->at = 0;
  return opaque;
}
uLong ZCALLBACK memory_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<memory_stream*>(stream);
  auto n = std::min<std::size_t>(size, m->bytes.size() - m->at);
  std::memcpy(buf, m->bytes.data() + m->at, n);
  m->at += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK memory_write(voidpf, voidpf, void const*, uLong) { return 0; }
ZPOS64_T ZCALLBACK memory_tell(voidpf, voidpf stream) { return static_cast<memory_stream*>(stream)->at; }
long ZCALLBACK memory_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<memory_stream*>(stream);
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->at : m->bytes.size();
  if (offset > m->bytes.size() - base) return -1;
  m->at = static_cast<std::size_t>(base + offset);
  return 0;
}
int ZCALLBACK memory_close(voidpf, voidpf) { return 0; }
int ZCALLBACK memory_error(voidpf, voidpf) { return 0; }

// minizip's seek offsets are unsigned: every seek it makes (to the central directory, to a local
// header) is forward from the start or back from the end within the file, which the check above keeps.
zip_handle open_memory_zip(memory_stream& stream) {
  zlib_filefunc64_def f{};
  f.zopen64_file = memory_open;
  f.zread_file = memory_read;
  f.zwrite_file = memory_write;
  f.ztell64_file = memory_tell;
  f.zseek64_file = memory_seek;
  f.zclose_file = memory_close;
  f.zerror_file = memory_error;
  f.opaque = &stream;
  return zip_handle(unzOpen2_64("", &f));
}

std::optional<std::string> read_part(unzFile zip, std::string const& name) {
  if (unzLocateFile(zip, name.c_str(), 2) != UNZ_OK) return std::nullopt;  // 2: case-insensitive
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) return std::nullopt;
  if (info.uncompressed_size > max_part_bytes) return std::nullopt;
  if (unzOpenCurrentFile(zip) != UNZ_OK) return std::nullopt;
  std::string out(static_cast<std::size_t>(info.uncompressed_size), '\0');
  int got = out.empty() ? 0 : unzReadCurrentFile(zip, out.data(), static_cast<unsigned>(out.size()));
  unzCloseCurrentFile(zip);
  if (got < 0 || static_cast<std::size_t>(got) != out.size()) return std::nullopt;
  return out;
}

// Element names without a namespace prefix: some writers spell <x:c>, most <c>.
std::string_view local(char const* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

char const* attribute(char const** atts, std::string_view wanted) {
  for (; *atts; atts += 2)
    if (std::string_view(atts[0]) == wanted) return atts[1];
  return nullptr;
}

// A SAX pass over one part: the handler sees start, end and text events.
template <class Handler>
bool parse_xml(std::string const& text, Handler& h) {
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreate("UTF-8"), XML_ParserFree);
  XML_SetUserData(p.get(), &h);
  XML_SetElementHandler(
      p.get(),
      [](void* u, char const* n, char const** a) { static_cast<Handler*>(u)->start(local(n), a); },
      [](void* u, char const* n) { static_cast<Handler*>(u)->end(local(n)); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, char const* s, int len) {
    static_cast<Handler*>(u)->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  return XML_Parse(p.get(), text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
}

struct workbook_handler {
  struct entry { std::string name, rel; };
  std::vector<entry> sheets;
  bool date1904 = false;
  void start(std::string_view n, char const** a) {
    if (n == "sheet") {
      entry e;
      if (auto v = attribute(a, "name")) e.name = v;
      for (auto p = a; *p; p += 2)  // r:id, whatever the prefix
        if (std::string_view k(p[0]); k.size() > 3 && k.substr(k.size() - 3) == ":id") e.rel = p[1];
      sheets.push_back(std::move(e));
    } else if (n == "workbookPr") {
      auto v = attribute(a, "date1904");
      date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

struct rels_handler {
  std::map<std::string, std::string> targets;
  void start(std::string_view n, char const** a) {
    if (n != "Relationship") return;
    auto id = attribute(a, "Id");
    auto target = attribute(a, "Target");
    if (id && target) targets[id] = target;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

// <si> holds either one <t> or rich-text runs <r><t>…</t></r>; phonetic hints <rPh> are not the value.
struct strings_handler {
  std::vector<std::string> strings;
  std::string current;
  bool in_t = false;
  int in_phonetic = 0;
  void start(std::string_view n, char const**) {
    if (n == "si") current.clear();
    else if (n == "rPh") ++in_phonetic;
    else if (n == "t") in_t = true;
  }
  void end(std::string_view n) {
    if (n == "si") strings.push_back(current);
    else if (n == "rPh") --in_phonetic;
    else if (n == "t") in_t = false;
  }
  void text(std::string_view s) {
    if (in_t && in_phonetic == 0) current.append(s);
  }
};

std::size_t column_of(char const* ref) {  // "AB12" → 27
  std::size_t col = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref) col = col * 26 + std::size_t(*ref - 'A' + 1);
  return col == 0 ? 0 : col - 1;
}

struct sheet_handler {
  std::vector<std::string> const* shared = nullptr;
  sheet* out = nullptr;
  std::size_t row = 0, next_col = 0;
  bool in_row = false;
  // the cell being read
  std::size_t col = 0;
  std::string type, value, inline_text;
  bool in_cell = false, in_v = false, in_is_t = false;
  int in_phonetic = 0;

  void start(std::string_view n, char const** a) {
    if (n == "row") {
      auto r = attribute(a, "r");
      row = r ? std::size_t(std::strtoul(r, nullptr, 10)) - 1 : (in_row ? row + 1 : out->rows.size());
      in_row = true;
      next_col = 0;
    } else if (n == "c") {
      auto r = attribute(a, "r");
      col = r ? column_of(r) : next_col;
      auto t = attribute(a, "t");
      type = t ? t : "n";
      value.clear();
      inline_text.clear();
      in_cell = true;
    } else if (in_cell && n == "v") {
      in_v = true;
    } else if (in_cell && n == "rPh") {
      ++in_phonetic;
    } else if (in_cell && n == "t") {
      in_is_t = true;
    }
  }
  void end(std::string_view n) {
    if (n == "v") in_v = false;
    else if (n == "t") in_is_t = false;
    else if (n == "rPh") --in_phonetic;
    else if (n == "c") {
      in_cell = false;
      next_col = col + 1;
      store();
    }
  }
  void text(std::string_view s) {
    if (in_v) value.append(s);
    else if (in_is_t && in_phonetic == 0) inline_text.append(s);
  }
  void store() {
    cell c;
    if (type == "s") {
      auto i = std::strtoul(value.c_str(), nullptr, 10);
      if (value.empty() || i >= shared->size()) return;
      c.kind = cell::type::text;
      c.text = (*shared)[i];
    } else if (type == "inlineStr") {
      c.kind = cell::type::text;
      c.text = inline_text;
    } else if (type == "str" || type == "d") {  // a formula's text result; an ISO date
      c.kind = cell::type::text;
      c.text = value;
    } else if (type == "b") {
      c.kind = cell::type::boolean;
      c.number = value == "1" ? 1 : 0;
    } else if (type == "e") {
      c.kind = cell::type::error;
      c.text = value;
    } else {
      if (value.empty()) return;
      c.kind = cell::type::number;
      c.number = std::strtod(value.c_str(), nullptr);
    }
    if (c.kind == cell::type::text && c.text.empty()) return;
    if (out->rows.size() <= row) out->rows.resize(row + 1);
    auto& cells = out->rows[row];
    if (cells.size() <= col) cells.resize(col + 1);
    cells[col] = std::move(c);
  }
};

}  // namespace

std::string column_letters(std::size_t col) {
  std::string s;
  for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), char('A' + (col - 1) % 26));
  return s;
}

std::optional<workbook> read_xlsx(std::string const& path, std::string& error, language lang) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return read_xlsx_bytes(bytes, error, lang);
}

std::optional<workbook> read_xlsx_bytes(std::string_view bytes, std::string& error, language lang) {
  memory_stream stream{bytes, 0};
  zip_handle zip(open_memory_zip(stream));
  if (!zip) {
    error = say(lang, "không mở được tệp như một bảng tính .xlsx (tệp zip)");
    return std::nullopt;
  }
  auto book_xml = read_part(zip.get(), "xl/workbook.xml");
  auto rels_xml = read_part(zip.get(), "xl/_rels/workbook.xml.rels");
  workbook_handler book;
  rels_handler rels;
  if (!book_xml || !rels_xml || !parse_xml(*book_xml, book) || !parse_xml(*rels_xml, rels)) {
    error = say(lang, "tệp không phải là bảng tính .xlsx (thiếu hoặc hỏng xl/workbook.xml)");
    return std::nullopt;
  }
  strings_handler strings;
  if (auto sst = read_part(zip.get(), "xl/sharedStrings.xml"); sst && !parse_xml(*sst, strings)) {
    error = say(lang, "phần chuỗi dùng chung (xl/sharedStrings.xml) bị hỏng");
    return std::nullopt;
  }
  workbook out;
  out.date1904 = book.date1904;
  for (auto const& e : book.sheets) {
    auto target = rels.targets.find(e.rel);
    if (target == rels.targets.end()) continue;
    std::string part = target->second;
    part = part.rfind('/', 0) == 0 ? part.substr(1) : "xl/" + part;
    auto xml = read_part(zip.get(), part);
    if (!xml) continue;  // a chart sheet or a missing part: no cells to read
    sheet s;
    s.name = e.name;
    sheet_handler h;
    h.shared = &strings.strings;
    h.out = &s;
    if (!parse_xml(*xml, h)) {
      error = say(lang, "trang '{0}' bị hỏng (XML không đọc được)", {e.name});
      return std::nullopt;
    }
    out.sheets.push_back(std::move(s));
  }
  return out;
}

}  // namespace chitieu::eval::detail
