var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// ../../main/node_modules/csv-parse/lib/utils/is_object.js
var is_object;
var init_is_object = __esm({
  "../../main/node_modules/csv-parse/lib/utils/is_object.js"() {
    is_object = function(obj) {
      return typeof obj === "object" && obj !== null && !Array.isArray(obj);
    };
  }
});

// ../../main/node_modules/csv-parse/lib/api/CsvError.js
var CsvError;
var init_CsvError = __esm({
  "../../main/node_modules/csv-parse/lib/api/CsvError.js"() {
    CsvError = class _CsvError extends Error {
      constructor(code, message, options, ...contexts) {
        if (Array.isArray(message)) message = message.join(" ").trim();
        super(message);
        if (Error.captureStackTrace !== void 0) {
          Error.captureStackTrace(this, _CsvError);
        }
        this.code = code;
        for (const context of contexts) {
          for (const key in context) {
            const value = context[key];
            this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
          }
        }
      }
    };
  }
});

// ../../main/node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array;
var init_normalize_columns_array = __esm({
  "../../main/node_modules/csv-parse/lib/api/normalize_columns_array.js"() {
    init_CsvError();
    init_is_object();
    normalize_columns_array = function(columns) {
      const normalizedColumns = [];
      for (let i = 0, l = columns.length; i < l; i++) {
        const column = columns[i];
        if (column === void 0 || column === null || column === false) {
          normalizedColumns[i] = { disabled: true };
        } else if (typeof column === "string" || typeof column === "number") {
          normalizedColumns[i] = { name: `${column}` };
        } else if (is_object(column)) {
          if (typeof column.name !== "string") {
            throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
              "Option columns missing name:",
              `property "name" is required at position ${i}`,
              "when column is an object literal"
            ]);
          }
          normalizedColumns[i] = column;
        } else {
          throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
            "Invalid column definition:",
            "expect a string or a literal object,",
            `got ${JSON.stringify(column)} at position ${i}`
          ]);
        }
      }
      return normalizedColumns;
    };
  }
});

// ../../main/node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer, ResizeableBuffer_default;
var init_ResizeableBuffer = __esm({
  "../../main/node_modules/csv-parse/lib/utils/ResizeableBuffer.js"() {
    ResizeableBuffer = class {
      constructor(size = 100) {
        this.size = size;
        this.length = 0;
        this.buf = Buffer.allocUnsafe(size);
      }
      prepend(val) {
        if (Buffer.isBuffer(val)) {
          const length = this.length + val.length;
          if (length >= this.size) {
            this.resize();
            if (length >= this.size) {
              throw Error("INVALID_BUFFER_STATE");
            }
          }
          const buf = this.buf;
          this.buf = Buffer.allocUnsafe(this.size);
          val.copy(this.buf, 0);
          buf.copy(this.buf, val.length);
          this.length += val.length;
        } else {
          const length = this.length++;
          if (length === this.size) {
            this.resize();
          }
          const buf = this.clone();
          this.buf[0] = val;
          buf.copy(this.buf, 1, 0, length);
        }
      }
      append(val) {
        const length = this.length++;
        if (length === this.size) {
          this.resize();
        }
        this.buf[length] = val;
      }
      clone() {
        return Buffer.from(this.buf.slice(0, this.length));
      }
      resize() {
        const length = this.length;
        this.size = this.size * 2;
        const buf = Buffer.allocUnsafe(this.size);
        this.buf.copy(buf, 0, 0, length);
        this.buf = buf;
      }
      toString(encoding) {
        if (encoding) {
          return this.buf.toString(encoding, 0, this.length);
        } else {
          return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
        }
      }
      toJSON() {
        return this.toString("utf8");
      }
      reset() {
        this.length = 0;
      }
    };
    ResizeableBuffer_default = ResizeableBuffer;
  }
});

// ../../main/node_modules/csv-parse/lib/api/init_state.js
var init_state;
var init_init_state = __esm({
  "../../main/node_modules/csv-parse/lib/api/init_state.js"() {
    init_ResizeableBuffer();
    init_state = function(options) {
      const timchars = [
        // Basic Latin
        32,
        // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
        9,
        // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
        10,
        // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
        13,
        // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
        12,
        // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
        11,
        // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
        // Latin-1 Supplement
        160,
        // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
        // Ogham
        5760,
        // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
        // General Punctuation
        8192,
        // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
        8193,
        // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
        8194,
        // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
        8195,
        // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
        8196,
        // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
        8197,
        // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
        8198,
        // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
        8199,
        // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
        8200,
        // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
        8201,
        // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
        8202,
        // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
        8232,
        // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
        8233,
        // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
        8239,
        // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
        8287,
        // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
        12288,
        // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
        65279
        // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
      ].reduce((acc, codepoint) => {
        const encoded = Buffer.from(
          String.fromCharCode(codepoint),
          options.encoding
        );
        if (codepoint !== 63 && encoded.length === 1 && encoded[0] === 63) {
          return acc;
        }
        acc.push(encoded);
        return acc;
      }, []);
      const timcharFirstBytes = new Uint8Array(256);
      for (const t of timchars) timcharFirstBytes[t[0]] = 1;
      return {
        bomSkipped: false,
        bufBytesStart: 0,
        castField: options.cast_function,
        commenting: false,
        delimiterBufPrevious: void 0,
        delimiterDiscovered: false,
        // Current error encountered by a record
        error: void 0,
        enabled: options.from_line === 1,
        escaping: false,
        escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
        // columns can be `false`, `true`, `Array`
        expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
        field: new ResizeableBuffer_default(20),
        firstLineToHeaders: options.cast_first_line_to_header,
        needMoreDataSize: Math.max(
          // Skip if the remaining buffer smaller than comment
          options.comment !== null ? options.comment.length : 0,
          ...options.delimiter ? options.delimiter.map((delimiter) => delimiter.length) : [],
          // Auto discovery of delimiter is limited to 1 character
          options.delimiter_auto ? 1 : 0,
          // Skip if the remaining buffer can be escape sequence
          options.quote !== null ? options.quote.length : 0,
          ...timchars.map((t) => t.length)
        ),
        previousBuf: void 0,
        quoting: false,
        stop: false,
        rawBuffer: new ResizeableBuffer_default(100),
        record: [],
        recordHasError: false,
        record_length: 0,
        recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
        trimChars: [
          Buffer.from(" ", options.encoding)[0],
          Buffer.from("	", options.encoding)[0]
        ],
        wasQuoting: false,
        wasRowDelimiter: false,
        timchars,
        timcharFirstBytes
      };
    };
  }
});

// ../../main/node_modules/csv-parse/lib/utils/underscore.js
var underscore;
var init_underscore = __esm({
  "../../main/node_modules/csv-parse/lib/utils/underscore.js"() {
    underscore = function(str) {
      return str.replace(/([A-Z])/g, function(_, match) {
        return "_" + match.toLowerCase();
      });
    };
  }
});

// ../../main/node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options;
var init_normalize_options = __esm({
  "../../main/node_modules/csv-parse/lib/api/normalize_options.js"() {
    init_normalize_columns_array();
    init_CsvError();
    init_underscore();
    init_is_object();
    normalize_options = function(opts) {
      const options = {};
      for (const opt in opts) {
        options[underscore(opt)] = opts[opt];
      }
      if (options.encoding === void 0 || options.encoding === true) {
        options.encoding = "utf8";
      } else if (options.encoding === null || options.encoding === false) {
        options.encoding = null;
      } else if (typeof options.encoding !== "string" && options.encoding !== null) {
        throw new CsvError(
          "CSV_INVALID_OPTION_ENCODING",
          [
            "Invalid option encoding:",
            "encoding must be a string or null to return a buffer,",
            `got ${JSON.stringify(options.encoding)}`
          ],
          options
        );
      }
      if (options.bom === void 0 || options.bom === null || options.bom === false) {
        options.bom = false;
      } else if (options.bom !== true) {
        throw new CsvError(
          "CSV_INVALID_OPTION_BOM",
          [
            "Invalid option bom:",
            "bom must be true,",
            `got ${JSON.stringify(options.bom)}`
          ],
          options
        );
      }
      options.cast_function = null;
      if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
        options.cast = void 0;
      } else if (typeof options.cast === "function") {
        options.cast_function = options.cast;
        options.cast = true;
      } else if (options.cast !== true) {
        throw new CsvError(
          "CSV_INVALID_OPTION_CAST",
          [
            "Invalid option cast:",
            "cast must be true or a function,",
            `got ${JSON.stringify(options.cast)}`
          ],
          options
        );
      }
      if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
        options.cast_date = false;
      } else if (options.cast_date === true) {
        options.cast_date = function(value) {
          const date = Date.parse(value);
          return !isNaN(date) ? new Date(date) : value;
        };
      } else if (typeof options.cast_date !== "function") {
        throw new CsvError(
          "CSV_INVALID_OPTION_CAST_DATE",
          [
            "Invalid option cast_date:",
            "cast_date must be true or a function,",
            `got ${JSON.stringify(options.cast_date)}`
          ],
          options
        );
      }
      options.cast_first_line_to_header = void 0;
      if (options.columns === true) {
        options.cast_first_line_to_header = void 0;
      } else if (typeof options.columns === "function") {
        options.cast_first_line_to_header = options.columns;
        options.columns = true;
      } else if (Array.isArray(options.columns)) {
        options.columns = normalize_columns_array(options.columns);
      } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
        options.columns = false;
      } else {
        throw new CsvError(
          "CSV_INVALID_OPTION_COLUMNS",
          [
            "Invalid option columns:",
            "expect an array, a function or true,",
            `got ${JSON.stringify(options.columns)}`
          ],
          options
        );
      }
      if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
        options.group_columns_by_name = false;
      } else if (options.group_columns_by_name !== true) {
        throw new CsvError(
          "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
          [
            "Invalid option group_columns_by_name:",
            "expect an boolean,",
            `got ${JSON.stringify(options.group_columns_by_name)}`
          ],
          options
        );
      } else if (options.columns === false) {
        throw new CsvError(
          "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
          [
            "Invalid option group_columns_by_name:",
            "the `columns` mode must be activated."
          ],
          options
        );
      }
      if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
        options.comment = null;
      } else {
        if (typeof options.comment === "string") {
          options.comment = Buffer.from(options.comment, options.encoding);
        }
        if (!Buffer.isBuffer(options.comment)) {
          throw new CsvError(
            "CSV_INVALID_OPTION_COMMENT",
            [
              "Invalid option comment:",
              "comment must be a buffer or a string,",
              `got ${JSON.stringify(options.comment)}`
            ],
            options
          );
        }
      }
      if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
        options.comment_no_infix = false;
      } else if (options.comment_no_infix !== true) {
        throw new CsvError(
          "CSV_INVALID_OPTION_COMMENT",
          [
            "Invalid option comment_no_infix:",
            "value must be a boolean,",
            `got ${JSON.stringify(options.comment_no_infix)}`
          ],
          options
        );
      }
      if (options.delimiter_auto === void 0 || options.delimiter_auto === null || options.delimiter_auto === false) {
        options.delimiter_auto = false;
      } else if (options.delimiter_auto === true) {
        options.delimiter_auto = {};
      } else if (!is_object(options.delimiter_auto)) {
        throw new CsvError(
          "CSV_INVALID_OPTION_DELIMITER_AUTO",
          [
            "Invalid option delimiter_auto:",
            "delimiter_auto must be a boolean or a configuration object,",
            `got ${JSON.stringify(options.delimiter_auto)}`
          ],
          options
        );
      }
      if (options.delimiter_auto) {
        if (options.delimiter_auto.preferred === void 0)
          options.delimiter_auto.preferred = {
            [",".charCodeAt(0)]: 1.8,
            ["	".charCodeAt(0)]: 1.8,
            [";".charCodeAt(0)]: 1.6,
            [" ".charCodeAt(0)]: 1.6,
            [":".charCodeAt(0)]: 1.5,
            [".".charCodeAt(0)]: 1.4,
            ["/".charCodeAt(0)]: 1.4
          };
        else if (!is_object(options.delimiter_auto.preferred)) {
          throw new CsvError(
            "CSV_INVALID_OPTION_DELIMITER_AUTO",
            [
              "Invalid option delimiter_auto:",
              "preferred must be an object,",
              `got ${JSON.stringify(options.delimiter_auto.preferred)}`
            ],
            options
          );
        }
        if (options.delimiter_auto.score === void 0)
          options.delimiter_auto.score = (info, options2) => {
            return (info.total - info.std) * (options2.preferred[info.char_code] || 1);
          };
        else if (typeof options.delimiter_auto.score !== "function") {
          throw new CsvError(
            "CSV_INVALID_OPTION_DELIMITER_AUTO",
            [
              "Invalid option delimiter_auto:",
              "score must be a function,",
              `got ${JSON.stringify(options.delimiter_auto.score)}`
            ],
            options
          );
        }
        if (options.delimiter_auto.size === void 0)
          options.delimiter_auto.size = 2048;
        else if (typeof options.delimiter_auto.size !== "number") {
          throw new CsvError(
            "CSV_INVALID_OPTION_DELIMITER_AUTO",
            [
              "Invalid option delimiter_auto:",
              "size must be a number,",
              `got ${JSON.stringify(options.delimiter_auto.size)}`
            ],
            options
          );
        }
      }
      const delimiter_json = JSON.stringify(options.delimiter);
      if (options.delimiter_auto !== false) {
        options.delimiter = [];
      }
      if (!Array.isArray(options.delimiter)) {
        if (options.delimiter === void 0 || options.delimiter === null || options.delimiter === false) {
          options.delimiter = Buffer.from(",", options.encoding);
        }
        options.delimiter = [options.delimiter];
      }
      options.delimiter = options.delimiter.map(function(delimiter) {
        if (typeof delimiter === "string") {
          delimiter = Buffer.from(delimiter, options.encoding);
        }
        if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
          throw new CsvError(
            "CSV_INVALID_OPTION_DELIMITER",
            [
              "Invalid option delimiter:",
              "delimiter must be a non empty string or buffer or array of string|buffer,",
              `got ${delimiter_json}`
            ],
            options
          );
        }
        return delimiter;
      });
      if (options.escape === void 0 || options.escape === true) {
        options.escape = Buffer.from('"', options.encoding);
      } else if (typeof options.escape === "string") {
        options.escape = Buffer.from(options.escape, options.encoding);
      } else if (options.escape === null || options.escape === false) {
        options.escape = null;
      }
      if (options.escape !== null) {
        if (!Buffer.isBuffer(options.escape)) {
          throw new Error(
            `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
          );
        }
      }
      if (options.from === void 0 || options.from === null) {
        options.from = 1;
      } else {
        if (typeof options.from === "string" && /\d+/.test(options.from)) {
          options.from = parseInt(options.from);
        }
        if (Number.isInteger(options.from)) {
          if (options.from < 0) {
            throw new Error(
              `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
            );
          }
        } else {
          throw new Error(
            `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
          );
        }
      }
      if (options.from_line === void 0 || options.from_line === null) {
        options.from_line = 1;
      } else {
        if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
          options.from_line = parseInt(options.from_line);
        }
        if (Number.isInteger(options.from_line)) {
          if (options.from_line <= 0) {
            throw new Error(
              `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
            );
          }
        } else {
          throw new Error(
            `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
          );
        }
      }
      if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
        options.ignore_last_delimiters = false;
      } else if (typeof options.ignore_last_delimiters === "number") {
        options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
        if (options.ignore_last_delimiters === 0) {
          options.ignore_last_delimiters = false;
        }
      } else if (typeof options.ignore_last_delimiters !== "boolean") {
        throw new CsvError(
          "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
          [
            "Invalid option `ignore_last_delimiters`:",
            "the value must be a boolean value or an integer,",
            `got ${JSON.stringify(options.ignore_last_delimiters)}`
          ],
          options
        );
      }
      if (options.ignore_last_delimiters === true && options.columns === false) {
        throw new CsvError(
          "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
          [
            "The option `ignore_last_delimiters`",
            "requires the activation of the `columns` option"
          ],
          options
        );
      }
      if (options.info === void 0 || options.info === null || options.info === false) {
        options.info = false;
      } else if (options.info !== true) {
        throw new Error(
          `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
        );
      }
      if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
        options.max_record_size = 0;
      } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
      } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
        options.max_record_size = parseInt(options.max_record_size);
      } else {
        throw new Error(
          `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
        );
      }
      if (options.objname === void 0 || options.objname === null || options.objname === false) {
        options.objname = void 0;
      } else if (Buffer.isBuffer(options.objname)) {
        if (options.objname.length === 0) {
          throw new Error(`Invalid Option: objname must be a non empty buffer`);
        }
        if (options.encoding === null) {
        } else {
          options.objname = options.objname.toString(options.encoding);
        }
      } else if (typeof options.objname === "string") {
        if (options.objname.length === 0) {
          throw new Error(`Invalid Option: objname must be a non empty string`);
        }
      } else if (typeof options.objname === "number") {
      } else {
        throw new Error(
          `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
        );
      }
      if (options.objname !== void 0) {
        if (typeof options.objname === "number") {
          if (options.columns !== false) {
            throw Error(
              "Invalid Option: objname index cannot be combined with columns or be defined as a field"
            );
          }
        } else {
          if (options.columns === false) {
            throw Error(
              "Invalid Option: objname field must be combined with columns or be defined as an index"
            );
          }
        }
      }
      if (options.on_record === void 0 || options.on_record === null) {
        options.on_record = void 0;
      } else if (typeof options.on_record !== "function") {
        throw new CsvError(
          "CSV_INVALID_OPTION_ON_RECORD",
          [
            "Invalid option `on_record`:",
            "expect a function,",
            `got ${JSON.stringify(options.on_record)}`
          ],
          options
        );
      }
      if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
        throw new Error(
          `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
        );
      }
      if (options.quote === null || options.quote === false || options.quote === "") {
        options.quote = null;
      } else {
        if (options.quote === void 0 || options.quote === true) {
          options.quote = Buffer.from('"', options.encoding);
        } else if (typeof options.quote === "string") {
          options.quote = Buffer.from(options.quote, options.encoding);
        }
        if (!Buffer.isBuffer(options.quote)) {
          throw new Error(
            `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
          );
        }
      }
      if (options.raw === void 0 || options.raw === null || options.raw === false) {
        options.raw = false;
      } else if (options.raw !== true) {
        throw new Error(
          `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
        );
      }
      if (options.record_delimiter === void 0) {
        options.record_delimiter = [];
      } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
        if (options.record_delimiter.length === 0) {
          throw new CsvError(
            "CSV_INVALID_OPTION_RECORD_DELIMITER",
            [
              "Invalid option `record_delimiter`:",
              "value must be a non empty string or buffer,",
              `got ${JSON.stringify(options.record_delimiter)}`
            ],
            options
          );
        }
        options.record_delimiter = [options.record_delimiter];
      } else if (!Array.isArray(options.record_delimiter)) {
        throw new CsvError(
          "CSV_INVALID_OPTION_RECORD_DELIMITER",
          [
            "Invalid option `record_delimiter`:",
            "value must be a string, a buffer or array of string|buffer,",
            `got ${JSON.stringify(options.record_delimiter)}`
          ],
          options
        );
      }
      options.record_delimiter = options.record_delimiter.map(function(rd, i) {
        if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
          throw new CsvError(
            "CSV_INVALID_OPTION_RECORD_DELIMITER",
            [
              "Invalid option `record_delimiter`:",
              "value must be a string, a buffer or array of string|buffer",
              `at index ${i},`,
              `got ${JSON.stringify(rd)}`
            ],
            options
          );
        } else if (rd.length === 0) {
          throw new CsvError(
            "CSV_INVALID_OPTION_RECORD_DELIMITER",
            [
              "Invalid option `record_delimiter`:",
              "value must be a non empty string or buffer",
              `at index ${i},`,
              `got ${JSON.stringify(rd)}`
            ],
            options
          );
        }
        if (typeof rd === "string") {
          rd = Buffer.from(rd, options.encoding);
        }
        return rd;
      });
      if (typeof options.relax_column_count === "boolean") {
      } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
        options.relax_column_count = false;
      } else {
        throw new Error(
          `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
        );
      }
      if (typeof options.relax_column_count_less === "boolean") {
      } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
        options.relax_column_count_less = false;
      } else {
        throw new Error(
          `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
        );
      }
      if (typeof options.relax_column_count_more === "boolean") {
      } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
        options.relax_column_count_more = false;
      } else {
        throw new Error(
          `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
        );
      }
      if (typeof options.relax_quotes === "boolean") {
      } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
        options.relax_quotes = false;
      } else {
        throw new Error(
          `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
        );
      }
      if (typeof options.skip_empty_lines === "boolean") {
      } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
        options.skip_empty_lines = false;
      } else {
        throw new Error(
          `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
        );
      }
      if (typeof options.skip_records_with_empty_values === "boolean") {
      } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
        options.skip_records_with_empty_values = false;
      } else {
        throw new Error(
          `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
        );
      }
      if (typeof options.skip_records_with_error === "boolean") {
      } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
        options.skip_records_with_error = false;
      } else {
        throw new Error(
          `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
        );
      }
      if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
        options.rtrim = false;
      } else if (options.rtrim !== true) {
        throw new Error(
          `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
        );
      }
      if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
        options.ltrim = false;
      } else if (options.ltrim !== true) {
        throw new Error(
          `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
        );
      }
      if (options.trim === void 0 || options.trim === null || options.trim === false) {
        options.trim = false;
      } else if (options.trim !== true) {
        throw new Error(
          `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
        );
      }
      if (options.trim === true && opts.ltrim !== false) {
        options.ltrim = true;
      } else if (options.ltrim !== true) {
        options.ltrim = false;
      }
      if (options.trim === true && opts.rtrim !== false) {
        options.rtrim = true;
      } else if (options.rtrim !== true) {
        options.rtrim = false;
      }
      if (options.to === void 0 || options.to === null) {
        options.to = -1;
      } else if (options.to !== -1) {
        if (typeof options.to === "string" && /\d+/.test(options.to)) {
          options.to = parseInt(options.to);
        }
        if (Number.isInteger(options.to)) {
          if (options.to <= 0) {
            throw new Error(
              `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
            );
          }
        } else {
          throw new Error(
            `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
          );
        }
      }
      if (options.to_line === void 0 || options.to_line === null) {
        options.to_line = -1;
      } else if (options.to_line !== -1) {
        if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
          options.to_line = parseInt(options.to_line);
        }
        if (Number.isInteger(options.to_line)) {
          if (options.to_line <= 0) {
            throw new Error(
              `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
            );
          }
        } else {
          throw new Error(
            `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
          );
        }
      }
      return options;
    };
  }
});

// ../../main/node_modules/csv-parse/lib/utils/delimiter_discover.js
var delimiter_discover, std;
var init_delimiter_discover = __esm({
  "../../main/node_modules/csv-parse/lib/utils/delimiter_discover.js"() {
    init_normalize_options();
    init_api();
    delimiter_discover = function(records, options) {
      if (!options) {
        ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
      }
      if (typeof records === "string") {
        records = Buffer.from(records);
      }
      if (Buffer.isBuffer(records)) {
        records = ((data) => {
          const records2 = [];
          const parser = transform({ delimiter: [] });
          const push = (record) => records2.push(record);
          const close = () => {
          };
          const error = parser.parse(data, true, push, close);
          if (error !== void 0) throw error;
          return records2;
        })(records);
      }
      const info = Array(127).fill().map(() => ({ lines: [] }));
      records.map(([record], line) => {
        for (let i = 0, l = record.length; i < l; i++) {
          const code = record.charCodeAt(i);
          if (info[code].lines[line] === void 0) info[code].lines[line] = 0;
          info[code].lines[line]++;
        }
      });
      info.map((info2, i) => {
        info2.char_code = i;
        info2.std = std(info2.lines);
        info2.total = info2.lines.reduce((acc, val) => acc + val, 0);
        info2.preferred = !!options.preferred[i];
        info2.score = options.score(info2, options);
      });
      const result = info.reduce(
        (acc, info2) => acc.score > info2.score ? acc : info2,
        {}
      );
      return String.fromCharCode(result.char_code);
    };
    std = function(array) {
      const n = array.length;
      if (n === 0) return 0;
      const mean = array.reduce((a, b) => a + b) / n;
      return Math.sqrt(
        array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n
      );
    };
  }
});

// ../../main/node_modules/csv-parse/lib/api/index.js
var isRecordEmpty, cr, nl, boms, transform;
var init_api = __esm({
  "../../main/node_modules/csv-parse/lib/api/index.js"() {
    init_normalize_columns_array();
    init_init_state();
    init_normalize_options();
    init_CsvError();
    init_delimiter_discover();
    isRecordEmpty = function(record) {
      return record.every(
        (field) => field == null || field.toString && field.toString().trim() === ""
      );
    };
    cr = 13;
    nl = 10;
    boms = {
      // Note, the following are equals:
      // Buffer.from("\ufeff")
      // Buffer.from([239, 187, 191])
      // Buffer.from('EFBBBF', 'hex')
      utf8: Buffer.from([239, 187, 191]),
      // Note, the following are equals:
      // Buffer.from "\ufeff", 'utf16le
      // Buffer.from([255, 254])
      utf16le: Buffer.from([255, 254])
    };
    transform = function(original_options = {}) {
      const info = {
        bytes: 0,
        bytes_records: 0,
        comment_lines: 0,
        empty_lines: 0,
        invalid_field_length: 0,
        lines: 1,
        records: 0
      };
      const options = normalize_options(original_options);
      return {
        info,
        original_options,
        options,
        state: init_state(options),
        __needMoreData: function(i, bufLen, end) {
          if (end) return false;
          const { encoding, escape, quote } = this.options;
          const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
          const numOfCharLeft = bufLen - i - 1;
          const requiredLength = Math.max(
            needMoreDataSize,
            // Skip if the remaining buffer smaller than record delimiter
            // If "record_delimiter" is yet to be discovered:
            // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
            // 2. We set the length to windows line ending in the current encoding
            // Note, that encoding is known from user or bom discovery at that point
            // recordDelimiterMaxLength,
            recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
            // Skip if remaining buffer can be an escaped quote
            quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
            // Skip if remaining buffer can be record delimiter following the closing quote
            quoting ? quote.length + recordDelimiterMaxLength : 0
          );
          return numOfCharLeft < requiredLength;
        },
        // Central parser implementation
        parse: function(nextBuf, end, push, close) {
          const {
            bom,
            comment_no_infix,
            delimiter_auto,
            encoding,
            from_line,
            ltrim,
            max_record_size,
            raw,
            relax_quotes,
            rtrim,
            skip_empty_lines,
            to,
            to_line
          } = this.options;
          let { comment, escape, quote, record_delimiter } = this.options;
          const {
            bomSkipped,
            delimiterDiscovered,
            delimiterBufPrevious,
            rawBuffer,
            escapeIsQuote
          } = this.state;
          if (!delimiterDiscovered && delimiter_auto) {
            let delimiterBuf;
            if (delimiterBufPrevious === void 0) {
              delimiterBuf = nextBuf;
            } else if (delimiterBufPrevious !== void 0 && nextBuf === void 0) {
              delimiterBuf = delimiterBufPrevious;
            } else {
              delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
            }
            nextBuf = void 0;
            if (end || delimiterBuf.length > delimiter_auto.size) {
              this.options.delimiter = [
                Buffer.from(
                  delimiter_discover(delimiterBuf, this.options.delimiter_auto)
                )
              ];
              this.state.previousBuf = delimiterBuf;
              this.state.delimiterBufPrevious = void 0;
              this.state.delimiterDiscovered = true;
            } else {
              this.state.delimiterBufPrevious = delimiterBuf;
              return;
            }
          }
          const { previousBuf } = this.state;
          let buf;
          if (previousBuf === void 0) {
            if (nextBuf === void 0) {
              close();
              return;
            } else {
              buf = nextBuf;
            }
          } else if (previousBuf !== void 0 && nextBuf === void 0) {
            buf = previousBuf;
          } else {
            buf = Buffer.concat([previousBuf, nextBuf]);
          }
          if (bomSkipped === false) {
            if (bom === false) {
              this.state.bomSkipped = true;
            } else if (buf.length < 3) {
              if (end === false) {
                this.state.previousBuf = buf;
                return;
              }
            } else {
              for (const encoding2 in boms) {
                if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
                  const bomLength = boms[encoding2].length;
                  this.state.bufBytesStart += bomLength;
                  buf = buf.slice(bomLength);
                  const options2 = normalize_options({
                    ...this.original_options,
                    encoding: encoding2
                  });
                  for (const key in options2) {
                    this.options[key] = options2[key];
                  }
                  ({ comment, escape, quote } = this.options);
                  break;
                }
              }
              this.state.bomSkipped = true;
            }
          }
          const bufLen = buf.length;
          let pos;
          for (pos = 0; pos < bufLen; pos++) {
            if (this.__needMoreData(pos, bufLen, end)) {
              break;
            }
            if (this.state.wasRowDelimiter === true) {
              this.info.lines++;
              this.state.wasRowDelimiter = false;
            }
            if (to_line !== -1 && this.info.lines > to_line) {
              this.state.stop = true;
              close();
              return;
            }
            if (this.state.quoting === false && record_delimiter.length === 0) {
              const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
                buf,
                pos
              );
              if (record_delimiterCount) {
                record_delimiter = this.options.record_delimiter;
              }
            }
            const chr = buf[pos];
            if (raw === true) {
              rawBuffer.append(chr);
            }
            if ((chr === cr || chr === nl) && this.state.wasRowDelimiter === false) {
              this.state.wasRowDelimiter = true;
            }
            if (this.state.escaping === true) {
              this.state.escaping = false;
            } else {
              if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
                if (escapeIsQuote) {
                  if (this.__isQuote(buf, pos + escape.length)) {
                    this.state.escaping = true;
                    pos += escape.length - 1;
                    continue;
                  }
                } else {
                  this.state.escaping = true;
                  pos += escape.length - 1;
                  continue;
                }
              }
              if (this.state.commenting === false && this.__isQuote(buf, pos)) {
                if (this.state.quoting === true) {
                  const nextChr = buf[pos + quote.length];
                  const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
                  const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
                  const isNextChrDelimiter = this.__isDelimiter(
                    buf,
                    pos + quote.length,
                    nextChr
                  );
                  const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
                  if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                    pos += escape.length - 1;
                  } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                    this.state.quoting = false;
                    this.state.wasQuoting = true;
                    pos += quote.length - 1;
                    continue;
                  } else if (relax_quotes === false) {
                    const err = this.__error(
                      new CsvError(
                        "CSV_INVALID_CLOSING_QUOTE",
                        [
                          "Invalid Closing Quote:",
                          `got "${String.fromCharCode(nextChr)}"`,
                          `at line ${this.info.lines}`,
                          "instead of delimiter, record delimiter, trimable character",
                          "(if activated) or comment"
                        ],
                        this.options,
                        this.__infoField()
                      )
                    );
                    if (err !== void 0) return err;
                  } else {
                    this.state.quoting = false;
                    this.state.wasQuoting = true;
                    this.state.field.prepend(quote);
                    pos += quote.length - 1;
                  }
                } else {
                  if (this.state.field.length !== 0) {
                    if (relax_quotes === false) {
                      const info2 = this.__infoField();
                      const bom2 = Object.keys(boms).map(
                        (b) => boms[b].equals(this.state.field.toString()) ? b : false
                      ).filter(Boolean)[0];
                      const err = this.__error(
                        new CsvError(
                          "INVALID_OPENING_QUOTE",
                          [
                            "Invalid Opening Quote:",
                            `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                            bom2 ? `(${bom2} bom)` : void 0
                          ],
                          this.options,
                          info2,
                          {
                            field: this.state.field
                          }
                        )
                      );
                      if (err !== void 0) return err;
                    }
                  } else {
                    this.state.quoting = true;
                    pos += quote.length - 1;
                    continue;
                  }
                }
              }
              if (this.state.quoting === false) {
                const recordDelimiterLength = this.__isRecordDelimiter(
                  chr,
                  buf,
                  pos
                );
                if (recordDelimiterLength !== 0) {
                  const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
                  if (skipCommentLine) {
                    this.info.comment_lines++;
                  } else {
                    if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                      this.state.enabled = true;
                      this.__resetField();
                      this.__resetRecord();
                      pos += recordDelimiterLength - 1;
                      continue;
                    }
                    if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                      this.info.empty_lines++;
                      pos += recordDelimiterLength - 1;
                      continue;
                    }
                    this.info.bytes = this.state.bufBytesStart + pos;
                    const errField = this.__onField();
                    if (errField !== void 0) return errField;
                    this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                    const errRecord = this.__onRecord(push);
                    if (errRecord !== void 0) return errRecord;
                    if (to !== -1 && this.info.records >= to) {
                      this.state.stop = true;
                      close();
                      return;
                    }
                  }
                  this.state.commenting = false;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (this.state.commenting) {
                  continue;
                }
                if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
                  const commentCount = this.__compareBytes(comment, buf, pos, chr);
                  if (commentCount !== 0) {
                    this.state.commenting = true;
                    continue;
                  }
                }
                const delimiterLength = this.__isDelimiter(buf, pos, chr);
                if (delimiterLength !== 0) {
                  this.info.bytes = this.state.bufBytesStart + pos;
                  const errField = this.__onField();
                  if (errField !== void 0) return errField;
                  pos += delimiterLength - 1;
                  continue;
                }
              }
            }
            if (this.state.commenting === false) {
              if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
                return this.__error(
                  new CsvError(
                    "CSV_MAX_RECORD_SIZE",
                    [
                      "Max Record Size:",
                      "record exceed the maximum number of tolerated bytes",
                      `of ${max_record_size}`,
                      `at line ${this.info.lines}`
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
              }
            }
            const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
            const rappend = rtrim === false || this.state.wasQuoting === false;
            if (lappend === true && rappend === true) {
              this.state.field.append(chr);
            } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
              return this.__error(
                new CsvError(
                  "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
                  [
                    "Invalid Closing Quote:",
                    "found non trimable byte after quote",
                    `at line ${this.info.lines}`
                  ],
                  this.options,
                  this.__infoField()
                )
              );
            } else {
              if (lappend === false) {
                pos += this.__isCharTrimable(buf, pos) - 1;
              }
              continue;
            }
          }
          if (end === true) {
            if (this.state.quoting === true) {
              const err = this.__error(
                new CsvError(
                  "CSV_QUOTE_NOT_CLOSED",
                  [
                    "Quote Not Closed:",
                    `the parsing is finished with an opening quote at line ${this.info.lines}`
                  ],
                  this.options,
                  this.__infoField()
                )
              );
              if (err !== void 0) return err;
            } else {
              if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
              } else if (this.state.wasRowDelimiter === true) {
                this.info.empty_lines++;
              } else if (this.state.commenting === true) {
                this.info.comment_lines++;
              }
            }
          } else {
            this.state.bufBytesStart += pos;
            this.state.previousBuf = buf.slice(pos);
          }
          if (this.state.wasRowDelimiter === true) {
            this.info.lines++;
            this.state.wasRowDelimiter = false;
          }
        },
        __onRecord: function(push) {
          const {
            columns,
            group_columns_by_name,
            encoding,
            info: info2,
            from,
            relax_column_count,
            relax_column_count_less,
            relax_column_count_more,
            raw,
            skip_records_with_empty_values
          } = this.options;
          const { enabled, record } = this.state;
          if (enabled === false) {
            return this.__resetRecord();
          }
          const recordLength = record.length;
          if (columns === true) {
            if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
              this.__resetRecord();
              return;
            }
            return this.__firstLineToColumns(record);
          }
          if (columns === false && this.info.records === 0) {
            this.state.expectedRecordLength = recordLength;
          }
          if (recordLength !== this.state.expectedRecordLength) {
            const err = columns === false ? new CsvError(
              "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
              [
                "Invalid Record Length:",
                `expect ${this.state.expectedRecordLength},`,
                `got ${recordLength} on line ${this.info.lines}`
              ],
              this.options,
              this.__infoField(),
              {
                record
              }
            ) : new CsvError(
              "CSV_RECORD_INCONSISTENT_COLUMNS",
              [
                "Invalid Record Length:",
                `columns length is ${columns.length},`,
                // rename columns
                `got ${recordLength} on line ${this.info.lines}`
              ],
              this.options,
              this.__infoField(),
              {
                record
              }
            );
            if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
              this.info.invalid_field_length++;
              this.state.error = err;
            } else {
              const finalErr = this.__error(err);
              if (finalErr) return finalErr;
            }
          }
          if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
            this.__resetRecord();
            return;
          }
          if (this.state.recordHasError === true) {
            this.__resetRecord();
            this.state.recordHasError = false;
            return;
          }
          this.info.records++;
          if (from === 1 || this.info.records >= from) {
            const { objname } = this.options;
            if (columns !== false) {
              const obj = {};
              for (let i = 0, l = record.length; i < l; i++) {
                if (columns[i] === void 0 || columns[i].disabled) continue;
                if (group_columns_by_name === true && Object.hasOwn(obj, columns[i].name)) {
                  if (Array.isArray(obj[columns[i].name])) {
                    obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
                  } else {
                    obj[columns[i].name] = [obj[columns[i].name], record[i]];
                  }
                } else {
                  Object.defineProperty(obj, columns[i].name, {
                    value: record[i],
                    enumerable: true,
                    writable: true,
                    configurable: true
                  });
                }
              }
              if (raw === true || info2 === true) {
                const extRecord = Object.assign(
                  { record: obj },
                  raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
                  info2 === true ? { info: this.__infoRecord() } : {}
                );
                const err = this.__push(
                  objname === void 0 ? extRecord : [obj[objname], extRecord],
                  push
                );
                if (err) {
                  return err;
                }
              } else {
                const err = this.__push(
                  objname === void 0 ? obj : [obj[objname], obj],
                  push
                );
                if (err) {
                  return err;
                }
              }
            } else {
              if (raw === true || info2 === true) {
                const extRecord = Object.assign(
                  { record },
                  raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
                  info2 === true ? { info: this.__infoRecord() } : {}
                );
                const err = this.__push(
                  objname === void 0 ? extRecord : [record[objname], extRecord],
                  push
                );
                if (err) {
                  return err;
                }
              } else {
                const err = this.__push(
                  objname === void 0 ? record : [record[objname], record],
                  push
                );
                if (err) {
                  return err;
                }
              }
            }
          }
          this.__resetRecord();
        },
        __firstLineToColumns: function(record) {
          const { firstLineToHeaders } = this.state;
          try {
            const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
            if (!Array.isArray(headers)) {
              return this.__error(
                new CsvError(
                  "CSV_INVALID_COLUMN_MAPPING",
                  [
                    "Invalid Column Mapping:",
                    "expect an array from column function,",
                    `got ${JSON.stringify(headers)}`
                  ],
                  this.options,
                  this.__infoField(),
                  {
                    headers
                  }
                )
              );
            }
            const normalizedHeaders = normalize_columns_array(headers);
            this.state.expectedRecordLength = normalizedHeaders.length;
            this.options.columns = normalizedHeaders;
            this.__resetRecord();
            return;
          } catch (err) {
            return err;
          }
        },
        __resetRecord: function() {
          if (this.options.raw === true) {
            this.state.rawBuffer.reset();
          }
          this.state.error = void 0;
          this.state.record = [];
          this.state.record_length = 0;
        },
        __onField: function() {
          const { cast, encoding, rtrim, max_record_size } = this.options;
          const { enabled, wasQuoting } = this.state;
          if (enabled === false) {
            return this.__resetField();
          }
          let field = this.state.field.toString(encoding);
          if (rtrim === true && wasQuoting === false) {
            field = field.trimRight();
          }
          if (cast === true) {
            const [err, f] = this.__cast(field);
            if (err !== void 0) return err;
            field = f;
          }
          this.state.record.push(field);
          if (max_record_size !== 0 && typeof field === "string") {
            this.state.record_length += field.length;
          }
          this.__resetField();
        },
        __resetField: function() {
          this.state.field.reset();
          this.state.wasQuoting = false;
        },
        __push: function(record, push) {
          const { on_record } = this.options;
          if (on_record !== void 0) {
            const info2 = this.__infoRecord();
            try {
              record = on_record.call(null, record, info2);
            } catch (err) {
              return err;
            }
            if (record === void 0 || record === null) {
              return;
            }
          }
          this.info.bytes_records += this.info.bytes;
          push(record);
        },
        // Return a tuple with the error and the casted value
        __cast: function(field) {
          const { columns, relax_column_count } = this.options;
          const isColumns = Array.isArray(columns);
          if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
            return [void 0, void 0];
          }
          if (this.state.castField !== null) {
            try {
              const info2 = this.__infoField();
              return [void 0, this.state.castField.call(null, field, info2)];
            } catch (err) {
              return [err];
            }
          }
          if (this.__isFloat(field)) {
            return [void 0, parseFloat(field)];
          } else if (this.options.cast_date !== false) {
            const info2 = this.__infoField();
            return [void 0, this.options.cast_date.call(null, field, info2)];
          }
          return [void 0, field];
        },
        __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
          if (sourceBuf[0] !== firstByte) return 0;
          const sourceLength = sourceBuf.length;
          for (let i = 1; i < sourceLength; i++) {
            if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
          }
          return sourceLength;
        },
        // Helper to test if a character is trimable
        __isCharTrimable: function(buf, pos) {
          const { timchars, timcharFirstBytes } = this.state;
          const first = buf[pos];
          if (first === void 0 || timcharFirstBytes[first] === 0) return 0;
          loop1: for (let i = 0; i < timchars.length; i++) {
            const timchar = timchars[i];
            for (let j = 0; j < timchar.length; j++) {
              if (timchar[j] !== buf[pos + j]) continue loop1;
            }
            return timchar.length;
          }
          return 0;
        },
        __isDelimiter: function(buf, pos, chr) {
          const { delimiter, ignore_last_delimiters } = this.options;
          if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
            return 0;
          } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
            return 0;
          }
          loop1: for (let i = 0; i < delimiter.length; i++) {
            const del = delimiter[i];
            if (del[0] === chr) {
              for (let j = 1; j < del.length; j++) {
                if (del[j] !== buf[pos + j]) continue loop1;
              }
              return del.length;
            }
          }
          return 0;
        },
        __isEscape: function(buf, pos, chr) {
          const { escape } = this.options;
          if (escape === null) return false;
          const l = escape.length;
          if (escape[0] === chr) {
            for (let i = 0; i < l; i++) {
              if (escape[i] !== buf[pos + i]) {
                return false;
              }
            }
            return true;
          }
          return false;
        },
        __isFloat: function(value) {
          return value - parseFloat(value) + 1 >= 0;
        },
        // Keep it in case we implement the `cast_int` option
        // __isInt(value){
        //   // return Number.isInteger(parseInt(value))
        //   // return !isNaN( parseInt( obj ) );
        //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
        // }
        __isQuote: function(buf, pos) {
          const { quote } = this.options;
          if (quote === null) return false;
          const l = quote.length;
          for (let i = 0; i < l; i++) {
            if (quote[i] !== buf[pos + i]) {
              return false;
            }
          }
          return true;
        },
        __isRecordDelimiter: function(chr, buf, pos) {
          const { record_delimiter } = this.options;
          const recordDelimiterLength = record_delimiter.length;
          loop1: for (let i = 0; i < recordDelimiterLength; i++) {
            const rd = record_delimiter[i];
            const rdLength = rd.length;
            if (rd[0] !== chr) {
              continue;
            }
            for (let j = 1; j < rdLength; j++) {
              if (rd[j] !== buf[pos + j]) {
                continue loop1;
              }
            }
            return rd.length;
          }
          return 0;
        },
        __autoDiscoverRecordDelimiter: function(buf, pos) {
          const { encoding } = this.options;
          const rds = [
            // Important, the windows line ending must be before mac os 9
            Buffer.from("\r\n", encoding),
            Buffer.from("\n", encoding),
            Buffer.from("\r", encoding)
          ];
          loop: for (let i = 0; i < rds.length; i++) {
            const l = rds[i].length;
            for (let j = 0; j < l; j++) {
              if (rds[i][j] !== buf[pos + j]) {
                continue loop;
              }
            }
            this.options.record_delimiter.push(rds[i]);
            this.state.recordDelimiterMaxLength = rds[i].length;
            return rds[i].length;
          }
          return 0;
        },
        __error: function(msg) {
          const { encoding, raw, skip_records_with_error } = this.options;
          const err = typeof msg === "string" ? new Error(msg) : msg;
          if (skip_records_with_error) {
            this.state.recordHasError = true;
            if (this.options.on_skip !== void 0) {
              try {
                this.options.on_skip(
                  err,
                  raw ? this.state.rawBuffer.toString(encoding) : void 0
                );
              } catch (err2) {
                return err2;
              }
            }
            return void 0;
          } else {
            return err;
          }
        },
        __infoDataSet: function() {
          return {
            ...this.info,
            columns: this.options.columns
          };
        },
        __infoRecord: function() {
          const { columns, raw, encoding } = this.options;
          return {
            ...this.__infoDataSet(),
            bytes_records: this.info.bytes,
            error: this.state.error,
            header: columns === true,
            index: this.state.record.length,
            raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
          };
        },
        __infoField: function() {
          const { columns } = this.options;
          const isColumns = Array.isArray(columns);
          const bytes_records = this.info.bytes_records;
          return {
            ...this.__infoRecord(),
            bytes_records,
            column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
            quoting: this.state.wasQuoting
          };
        }
      };
    };
  }
});

// ../../main/node_modules/csv-parse/lib/index.js
var lib_exports = {};
__export(lib_exports, {
  CsvError: () => CsvError,
  Parser: () => Parser,
  normalize_options: () => normalize_options,
  parse: () => parse
});
import { Transform } from "stream";
var Parser, parse;
var init_lib = __esm({
  "../../main/node_modules/csv-parse/lib/index.js"() {
    init_is_object();
    init_api();
    init_CsvError();
    init_normalize_options();
    Parser = class extends Transform {
      constructor(opts = {}) {
        super({ ...{ readableObjectMode: true }, ...opts, encoding: null });
        this.api = transform({
          on_skip: (err, chunk) => {
            this.emit("skip", err, chunk);
          },
          ...opts
        });
        this.state = this.api.state;
        this.options = this.api.options;
        this.info = this.api.info;
      }
      // Implementation of `Transform._transform`
      _transform(buf, _, callback) {
        if (this.state.stop === true) {
          return;
        }
        const err = this.api.parse(
          buf,
          false,
          (record) => {
            this.push(record);
          },
          () => {
            this.push(null);
            this.end();
            this.on("end", this.destroy);
          }
        );
        if (err !== void 0) {
          this.state.stop = true;
        }
        callback(err);
      }
      // Implementation of `Transform._flush`
      _flush(callback) {
        if (this.state.stop === true) {
          return;
        }
        const err = this.api.parse(
          void 0,
          true,
          (record) => {
            this.push(record);
          },
          () => {
            this.push(null);
            this.on("end", this.destroy);
          }
        );
        callback(err);
      }
    };
    parse = function() {
      let data, options, callback;
      for (const i in arguments) {
        const argument = arguments[i];
        const type = typeof argument;
        if (data === void 0 && (typeof argument === "string" || Buffer.isBuffer(argument))) {
          data = argument;
        } else if (options === void 0 && is_object(argument)) {
          options = argument;
        } else if (callback === void 0 && type === "function") {
          callback = argument;
        } else {
          throw new CsvError(
            "CSV_INVALID_ARGUMENT",
            ["Invalid argument:", `got ${JSON.stringify(argument)} at index ${i}`],
            options || {}
          );
        }
      }
      const parser = new Parser(options);
      if (callback) {
        const records = options === void 0 || options.objname === void 0 ? [] : /* @__PURE__ */ Object.create(null);
        parser.on("readable", function() {
          let record;
          while ((record = this.read()) !== null) {
            if (options === void 0 || options.objname === void 0) {
              records.push(record);
            } else {
              Object.assign(records, {
                [record[0]]: record[1]
                // writable: true,
                // enumerable: true,
                // configurable: true
              });
            }
          }
        });
        parser.on("error", function(err) {
          callback(err, void 0, parser.api.__infoDataSet());
        });
        parser.on("end", function() {
          callback(void 0, records, parser.api.__infoDataSet());
        });
      }
      if (data !== void 0) {
        const writer = function() {
          parser.write(data);
          parser.end();
        };
        if (typeof setImmediate === "function") {
          setImmediate(writer);
        } else {
          setTimeout(writer, 0);
        }
      }
      return parser;
    };
  }
});

// ../../../tmp/p16/h/harness.ts
import Database from "better-sqlite3";

// src/domain/calendar.ts
var DAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"];
var DAGNAAM = {
  ma: "maandag",
  di: "dinsdag",
  wo: "woensdag",
  do: "donderdag",
  vr: "vrijdag",
  za: "zaterdag",
  zo: "zondag"
};
function isLeapYear(y) {
  return y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
}
function daysInMonth(y, m) {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
function makeDate(y, m, d) {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
function monthOf(date) {
  return date.slice(0, 7);
}
function timeToMinutes(tijd) {
  return Number(tijd.slice(0, 2)) * 60 + Number(tijd.slice(3, 5));
}
function minutesToTime(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

// src/domain/show-value.ts
var CONTROL = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;
var CONTROL_ALL = new RegExp(CONTROL.source, "gu");
function showValue(raw) {
  const SHOW = 60;
  let s = raw;
  let suffix = "";
  if (raw.length > SHOW) {
    s = raw.slice(0, 40);
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    suffix = `\u2026 (${String(raw.length).replace(/\B(?=(\d{3})+$)/g, ".")} tekens)`;
  }
  const named = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
  const escaped = s.replace(CONTROL_ALL, (c) => {
    const code = c.codePointAt(0);
    return named[c] ?? (code < 256 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`);
  });
  return escaped + suffix;
}

// src/errors.ts
var Refused = class extends Error {
  name = "Refused";
  /** Extra lines (one per problem), printed after the message. */
  details;
  /** With --json, printed on stdout as the command's result (an import's errors, say). */
  data;
  constructor(message, details = [], data) {
    super(message);
    this.details = details;
    this.data = data;
  }
};
var ValueError = class extends Error {
  constructor(value, accepted) {
    super(`'${showValue(value)}' is geen geldige waarde; toegestaan: ${accepted}`);
    this.value = value;
    this.accepted = accepted;
  }
  value;
  accepted;
  name = "ValueError";
};

// src/domain/urenkaart.ts
var MAX_MINUTEN_PER_MAAND = 230 * 60;
var UREN_COLUMNS = {
  gastouder: ["gastouder", "gastoudercode"],
  kind: ["kind", "kindcode"],
  datum: ["datum"],
  van: ["van", "begintijd", "begin"],
  tot: ["tot", "eindtijd", "eind"],
  opmerking: ["opmerking"]
};
var UrenRows = class {
  length = 0;
  gastouder = new Int32Array(1024);
  kind = new Int32Array(1024);
  koppeling = new Int32Array(1024);
  /** Day of the month, 1–31. */
  day = new Uint8Array(1024);
  /** Minutes since midnight; `tot` may be 1440 (24:00). */
  van = new Int16Array(1024);
  tot = new Int16Array(1024);
  /** Line in the file; 0 for a row already in the database. */
  line = new Int32Array(1024);
  opmerking = /* @__PURE__ */ new Map();
  /** Positional, so that a million rows make no million objects. */
  add(gastouder, kind, koppeling, day, van, tot, line, opmerking) {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.gastouder[i] = gastouder;
    this.kind[i] = kind;
    this.koppeling[i] = koppeling;
    this.day[i] = day;
    this.van[i] = van;
    this.tot[i] = tot;
    this.line[i] = line;
    if (opmerking) this.opmerking.set(i, opmerking);
    return i;
  }
  grow() {
    const size = this.line.length * 2;
    const grow = (a, make) => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.gastouder = grow(this.gastouder, Int32Array);
    this.kind = grow(this.kind, Int32Array);
    this.koppeling = grow(this.koppeling, Int32Array);
    this.day = grow(this.day, Uint8Array);
    this.van = grow(this.van, Int16Array);
    this.tot = grow(this.tot, Int16Array);
    this.line = grow(this.line, Int32Array);
  }
};
var Codes = class {
  list = [];
  ids = /* @__PURE__ */ new Map();
  id(code) {
    let id = this.ids.get(code);
    if (id === void 0) {
      id = this.list.length;
      this.ids.set(code, id);
      this.list.push(code);
    }
    return id;
  }
};
function koppelingIn(list, datum) {
  if (!list) return void 0;
  for (const kp of list) if (kp.start <= datum && (kp.eind === null || kp.eind >= datum)) return kp;
  return void 0;
}
function geenKoppeling(ref2, kind, gastouder, datum) {
  return ref2.kinderen.get(kind)?.eigen ? `${kind} is een eigen kind van de gastouder; eigen kinderen staan niet op de urenkaart` : `er is geen koppeling van kind ${kind} met gastouder ${gastouder} op ${datum}`;
}

// src/domain/values.ts
var ACCEPTED = {
  datum: "een datum als JJJJ-MM-DD, DD-MM-JJJJ, D-M-JJJJ of DD/MM/JJJJ",
  maand: "een maand als JJJJ-MM of MM-JJJJ",
  jaar: "een jaar als JJJJ, van 2000 tot en met 2100",
  tijd: "een tijd als HH:MM, H:MM, HH.MM of HH:MM:00 (00:00 tot en met 23:59)",
  eindtijd: "een tijd als HH:MM, H:MM, HH.MM of HH:MM:00 (00:01 tot en met 24:00)",
  bedrag: "een bedrag als 7,50, 7.50, \u20AC 7,50 of 1.234,56",
  code: "1 tot 20 letters, cijfers, - of _",
  iban: "een IBAN met geldig controlegetal (ISO 13616), bijvoorbeeld NL91 ABNA 0417 1643 00",
  bsn: "9 cijfers die voldoen aan de elfproef",
  lrk: "een LRK-nummer van 9 cijfers",
  kvk: "een KvK-nummer van 8 cijfers",
  janee: "ja, nee, true, false, 1 of 0",
  dag: "ma, di, wo, do, vr, za, zo of de volledige naam (maandag \u2026 zondag)",
  geheelGetal: "een geheel getal",
  bic: "een BIC van 8 of 11 tekens, bijvoorbeeld ABNANL2A",
  email: "een e-mailadres als naam@voorbeeld.nl, van ten hoogste 200 tekens",
  tekst: "tekst van ten hoogste 200 tekens, zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)",
  opmerking: "tekst van ten hoogste 500 tekens, zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)",
  pad: "een bestandspad zonder stuurtekens (zoals tab, regeleinde, ESC of NUL)",
  uurtarief: "een bedrag van meer dan \u20AC 0,00 en ten hoogste \u20AC 100,00, als 7,50 of \u20AC 7,50",
  mandaat: "1 tot 35 tekens uit de SEPA-tekenset: letters A\u2013Z en a\u2013z (zonder accenten), cijfers, spatie en / - ? : ( ) . , ' +; niet beginnend of eindigend met / of een spatie, zonder // en zonder dubbele spaties"
};
var MAX_OPMERKING = 500;
function fail(raw, accepted) {
  throw new ValueError(raw, accepted);
}
function validDate(y, m, d) {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
function parseDate(raw) {
  const s = raw.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y;
  let m;
  let d;
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s);
    if (!match) fail(raw, ACCEPTED.datum);
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2200) fail(raw, `${ACCEPTED.datum}, in de jaren 1900 tot en met 2200`);
  if (!validDate(y, m, d)) fail(raw, `${ACCEPTED.datum}, die in de kalender bestaat`);
  return makeDate(y, m, d);
}
function parseTime(raw, { end = false } = {}) {
  const match = /^(\d{1,2})(?::(\d{2})(?::00)?|\.(\d{2}))$/.exec(raw.trim());
  const accepted = end ? ACCEPTED.eindtijd : ACCEPTED.tijd;
  if (!match) fail(raw, accepted);
  const h = Number(match[1]);
  const min = Number(match[2] ?? match[3]);
  if (min > 59) fail(raw, accepted);
  if (end ? h > 24 || h === 24 && min > 0 || h === 0 && min === 0 : h > 23) fail(raw, accepted);
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}
var DAG_NAMEN = new Map(DAGEN.map((dag) => [DAGNAAM[dag], dag]));
function fitsText(s, max) {
  if (CONTROL.test(s)) return false;
  if (s.length <= max) return true;
  let n = 0;
  for (const _ of s) if (++n > max) return false;
  return true;
}
function parseOpmerking(raw) {
  const s = raw.trim();
  if (!fitsText(s, MAX_OPMERKING)) fail(raw, ACCEPTED.opmerking);
  return s;
}

// src/csv/read.ts
import fs from "node:fs";
function normalizeHeader(name) {
  return name.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s\-_]/g, "");
}
function unescapeCell(cell) {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}
var CHUNK = 1 << 16;
function looksLikeUtf16(bytes) {
  if (bytes.length >= 2 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255)) return true;
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  return sample.length >= 4 && nul * 4 >= sample.length;
}
function utf16Refusal(file) {
  return new Refused(
    `Het bestand ${file} is opgeslagen als UTF-16 (in Excel: "Unicode-tekst"); gob leest CSV in UTF-8 of Windows-1252. Sla het in Excel op met "Opslaan als" en kies "CSV UTF-8 (door komma's gescheiden)" of "CSV (gescheiden door lijstscheidingsteken)", en importeer dat bestand. Er is niets opgeslagen.`
  );
}
async function scan(file) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let quotes = false;
  let first = true;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    const bytes = chunk;
    if (first && looksLikeUtf16(bytes)) throw utf16Refusal(file);
    first = false;
    if (!quotes && bytes.indexOf(34) >= 0) quotes = true;
    if (utf8) {
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encoding: utf8 ? "utf-8" : "windows-1252", quotes };
}
function detectDelimiter(headerLine) {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "	"].map((d) => [d, unquoted.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ";";
}
async function* textChunks(file, encoding) {
  const decoder = new TextDecoder(encoding);
  let bytesRead = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    bytesRead += chunk.length;
    yield { text: decoder.decode(chunk, { stream: true }), bytesRead };
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytesRead };
}
var isBlank = (cells) => cells.every((c) => c.trim() === "");
var LINE_END = /\r\n|\r|\n/;
async function* splitRows(file, encoding, delimiter, options) {
  let rest = "";
  let line = 0;
  for await (const { text, bytesRead } of textChunks(file, encoding)) {
    let buffer = rest + text;
    const carry = buffer.endsWith("\r") ? "\r" : "";
    if (carry) buffer = buffer.slice(0, -1);
    const lines = buffer.split(LINE_END);
    rest = lines.pop() + carry;
    const batch = [];
    for (const raw of lines) {
      line++;
      const cells = raw.split(delimiter);
      if (!isBlank(cells)) batch.push({ line, cells });
    }
    if (batch.length > 0) yield batch;
    options.onProgress?.(bytesRead);
  }
  if (rest !== "") {
    const cells = (rest.endsWith("\r") ? rest.slice(0, -1) : rest).split(delimiter);
    if (!isBlank(cells)) yield [{ line: line + 1, cells }];
  }
}
var LINE_CHUNK = 1 << 20;
async function* lineChunks(file, after, options = {}, chunkSize = LINE_CHUNK) {
  let skip = after;
  let rest = Buffer.alloc(0);
  let bytesRead = 0;
  for await (const read of fs.createReadStream(file, { highWaterMark: chunkSize })) {
    bytesRead += read.length;
    let bytes = rest.length > 0 ? Buffer.concat([rest, read]) : read;
    let end = bytes.length;
    if (bytes[end - 1] === 13) end--;
    while (end > 0 && bytes[end - 1] !== 10 && bytes[end - 1] !== 13) end--;
    rest = bytes.subarray(end);
    bytes = bytes.subarray(0, end);
    if (skip > 0) [bytes, skip] = skipLines(bytes, skip);
    if (bytes.length > 0) yield { bytes, bytesRead };
    options.onProgress?.(bytesRead);
  }
  if (skip > 0) [rest, skip] = skipLines(rest, skip);
  if (rest.length > 0) yield { bytes: rest, bytesRead };
}
function skipLines(bytes, n) {
  let i = 0;
  while (n > 0 && i < bytes.length) {
    const b = bytes[i++];
    if (b === 10 || b === 13) {
      if (b === 13 && bytes[i] === 10) i++;
      n--;
    }
  }
  return [bytes.subarray(i), n];
}
async function* parseRows(file, encoding, delimiter, options) {
  const { parse: parse2 } = await Promise.resolve().then(() => (init_lib(), lib_exports));
  const parser = parse2({ delimiter, info: true, relax_column_count: true, skip_empty_lines: true });
  let lastLine = 0;
  let bytes = 0;
  const pending = [];
  let failure;
  let done = false;
  let wake;
  const notify = () => {
    wake?.();
    wake = void 0;
  };
  const drain = () => {
    for (; ; ) {
      const record = parser.read();
      if (record === null) break;
      lastLine = record.info.lines;
      if (!isBlank(record.record)) pending.push({ line: record.info.lines, cells: record.record });
    }
  };
  parser.on("readable", () => {
    drain();
    notify();
  });
  parser.on("error", (error) => {
    drain();
    failure = { line: csvErrorLine(error, lastLine), cells: [], fout: csvErrorText(error) };
    done = true;
    notify();
  });
  parser.on("end", () => {
    done = true;
    notify();
  });
  (async () => {
    for await (const { text, bytesRead } of textChunks(file, encoding)) {
      bytes = bytesRead;
      if (!parser.write(text)) await new Promise((resolve) => parser.once("drain", resolve));
      if (failure) return;
    }
    parser.end();
  })().catch((error) => parser.destroy(error));
  for (; ; ) {
    if (pending.length > 0) {
      yield pending.splice(0, pending.length);
      options.onProgress?.(bytes);
      continue;
    }
    if (done) break;
    await new Promise((resolve) => {
      wake = resolve;
    });
  }
  if (failure) yield [failure];
}
function csvErrorLine(error, lastLine) {
  return error.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : error.lines ?? lastLine + 1;
}
var CSV_ERRORS = {
  CSV_QUOTE_NOT_CLOSED: 'een aanhalingsteken (") wordt geopend maar niet gesloten',
  CSV_INVALID_CLOSING_QUOTE: 'na een afsluitend aanhalingsteken (") volgt nog tekst in dezelfde cel',
  INVALID_OPENING_QUOTE: 'een aanhalingsteken (") midden in een cel; een cel met " moet helemaal tussen aanhalingstekens staan',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'na een afsluitend aanhalingsteken (") volgt nog tekst in dezelfde cel',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "deze regel heeft een ander aantal cellen dan de kopregel",
  CSV_RECORD_INCONSISTENT_COLUMNS: "deze regel heeft een ander aantal cellen dan de kopregel",
  CSV_MAX_RECORD_SIZE: "deze regel is te lang (staat er ergens een aanhalingsteken dat niet gesloten wordt?)"
};
function csvErrorText(error) {
  const what = CSV_ERRORS[error.code ?? ""] ?? "deze regel is geen geldige CSV";
  return `${what}; zet een cel met " of het scheidingsteken tussen aanhalingstekens en verdubbel " binnenin`;
}
async function requireFile(file) {
  let stat;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new Refused(`Het bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  if (!stat.isFile()) throw new Refused(`${file} is geen bestand.`);
  return stat;
}
async function openCsv(file, options = {}, checked) {
  const stat = checked ?? await requireFile(file);
  const { encoding, quotes } = await scan(file);
  const headerText = await firstLine(file, encoding);
  if (headerText === null) throw new Refused(`Het bestand ${file} is leeg: regel 1 moet de kopregel met de kolomnamen zijn.`);
  const delimiter = detectDelimiter(headerText);
  const generator = (quotes ? parseRows : splitRows)(file, encoding, delimiter, options);
  const first = await generator.next();
  const firstBatch = first.done ? [] : first.value;
  const headerRow = firstBatch.shift();
  if (!headerRow) throw new Refused(`Het bestand ${file} is leeg: regel 1 moet de kopregel met de kolomnamen zijn.`);
  if (headerRow.fout)
    throw new Refused("Het bestand kon niet gelezen worden; er is niets opgeslagen.", [`regel ${headerRow.line}: csv: ${headerRow.fout}`]);
  const header = headerRow.cells.map((h) => h.replace(/^\uFEFF/, "").trim());
  async function* batches() {
    if (firstBatch.length > 0) yield firstBatch;
    yield* generator;
  }
  const source = { encoding, delimiter, header, batches: batches(), bytes: stat.size };
  if (!quotes) {
    source.lines = () => {
      void generator.return(void 0);
      return { first: headerRow.line + 1, chunks: lineChunks(file, headerRow.line, options) };
    };
  }
  return source;
}
async function firstLine(file, encoding) {
  const handle = await fs.promises.open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead));
    return text.split(LINE_END).find((l) => l.trim() !== "") ?? null;
  } finally {
    await handle.close();
  }
}

// src/domain/tekst.ts
function aantal(n, enkelvoud, meervoud) {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}

// src/commands/urenkaart/parse.ts
function mapColumns(header) {
  const positions = {};
  const unknown = [];
  const twice = [];
  header.forEach((name, i) => {
    const normal = normalizeHeader(name);
    const column = Object.keys(UREN_COLUMNS).find((c) => UREN_COLUMNS[c].includes(normal));
    if (column && positions[column] === void 0) positions[column] = i;
    else if (column) twice.push(`regel 1: ${name}: dubbele kolom (${column} staat al in kolom ${positions[column] + 1}); haal er \xE9\xE9n weg`);
    else unknown.push(name);
  });
  const missing = ["gastouder", "kind", "datum", "van", "tot"].filter((c) => positions[c] === void 0);
  if (missing.length > 0 || unknown.length > 0 || twice.length > 0) {
    const hint = header.length === 1 ? " Het scheidingsteken is niet herkend: gebruik ';', ',' of TAB tussen de kolommen." : "";
    throw new Refused(`De kopregel klopt niet; er is niets opgeslagen.${hint}`, [
      ...missing.map((c) => `regel 1: ${c}: kolom ontbreekt (ook goed: ${UREN_COLUMNS[c].join(", ")})`),
      ...unknown.map((u) => `regel 1: ${u}: onbekende kolom`),
      ...twice,
      "verwacht: gastouder;kind;datum;van;tot en eventueel opmerking"
    ]);
  }
  positions.opmerking ??= -1;
  return positions;
}
function cached(parse2) {
  const cache = /* @__PURE__ */ new Map();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === void 0) {
      try {
        hit = parse2(raw);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        hit = error;
      }
      cache.set(raw, hit);
    }
    return hit;
  };
}
function printable(bytes, from, to) {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b < 33 || b > 126) return false;
  }
  return true;
}
function sameBytes(bytes, from, to, otherFrom, otherTo) {
  if (to - from !== otherTo - otherFrom) return false;
  for (let i = 0; i < to - from; i++) if (bytes[from + i] !== bytes[otherFrom + i]) return false;
  return true;
}
function latin1(bytes, from, to) {
  return String.fromCharCode.apply(null, bytes.subarray(from, to));
}
var CellCache = class {
  constructor(parse2) {
    this.parse = parse2;
  }
  parse;
  byHead = /* @__PURE__ */ new Map();
  lastHead = -1;
  lastTails;
  /** The parse of bytes `from` … `to` (exclusive); undefined for a cell without a key (`add` reads it). */
  get(bytes, from, to) {
    if (to <= from || to - from > 10) return void 0;
    const split = Math.min(to, from + 5);
    let head = 0;
    for (let i = from; i < split; i++) {
      const digit = keyDigit(bytes[i]);
      if (digit === 0) return void 0;
      head = head * 15 + digit;
    }
    let tail = 0;
    for (let i = split; i < to; i++) {
      const digit = keyDigit(bytes[i]);
      if (digit === 0) return void 0;
      tail = tail * 15 + digit;
    }
    let tails = this.lastTails;
    if (head !== this.lastHead) {
      tails = this.byHead.get(head);
      if (!tails) {
        tails = /* @__PURE__ */ new Map();
        this.byHead.set(head, tails);
      }
      this.lastHead = head;
      this.lastTails = tails;
    }
    let hit = tails.get(tail);
    if (hit === void 0) {
      hit = this.parse(latin1(bytes, from, to));
      tails.set(tail, hit);
    }
    return hit;
  }
};
function keyDigit(b) {
  return b >= 48 && b <= 57 ? b - 47 : b === 45 ? 11 : b === 47 ? 12 : b === 58 ? 13 : b === 46 ? 14 : 0;
}
var UrenParser = class {
  constructor(header, col, ref2, options) {
    this.header = header;
    this.col = col;
    this.ref = ref2;
    this.options = options;
    this.headerKey = header.map(normalizeHeader).join("|");
    this.result = {
      maand: options.maand,
      rows: new UrenRows(),
      gastouders: new Codes(),
      kinderen: new Codes(),
      koppelingen: new Codes(),
      rijen: 0,
      fouten: []
    };
  }
  header;
  col;
  ref;
  options;
  result;
  headerKey;
  date = cached((raw) => {
    const datum = parseDate(raw);
    return { datum, day: Number(datum.slice(8, 10)) };
  });
  start = cached((raw) => timeToMinutes(parseTime(raw)));
  end = cached((raw) => timeToMinutes(parseTime(raw, { end: true })));
  /**
   * The same as `add`, for a quote-free CSV file's lines as bytes (CsvSource.lines): a million
   * lines without a million string arrays. A line in the plain form every generated and most
   * exported urenkaarten have (known codes of printable ASCII, a date and times of digits and
   * '-', '/', ':', '.', a koppeling on the date, no opmerking) is read here straight from the
   * bytes, each code, date and time made a string only when it differs from the last one. Every
   * other line (an error, an opmerking, a blank or spare row) is made cells and goes through `add`,
   * so that what a line means and every message about it come from one place; the property test
   * in test/unit/urenkaart-lines.test.ts holds the two to the same result. The chunk's first line
   * is line `first`; returns the number of the line after it.
   */
  addLines(chunk, first, format) {
    const { col, ref: ref2, result, header, dateCells, startCells, endCells } = this;
    const { rows, gastouders, kinderen, koppelingen } = result;
    const { today } = this.options;
    const bytes = chunk.bytes;
    const length = bytes.length;
    const delimiter = format.delimiter.charCodeAt(0);
    const columns = header.length;
    const decoder = new TextDecoder(format.encoding, { ignoreBOM: true });
    const cellStart = new Int32Array(columns + 2);
    const { gastouder: cg, kind: ck, datum: cd, van: cv, tot: ct, opmerking: co } = col;
    let gFrom = 0;
    let gTo = -1;
    let gCode = "";
    let g;
    let idGastouder = -1;
    let kFrom = 0;
    let kTo = -1;
    let kCode = "";
    let k;
    let idKind = -1;
    let pairList;
    let lastKoppeling;
    let idKoppeling = -1;
    let line = first;
    let pos = 0;
    while (pos < length) {
      let cells = 0;
      cellStart[0] = pos;
      let p = pos;
      for (; p < length; p++) {
        const b = bytes[p];
        if (b === delimiter) {
          if (++cells > columns) break;
          cellStart[cells] = p + 1;
        } else if (b === 10 || b === 13) break;
      }
      while (p < length && bytes[p] !== 10 && bytes[p] !== 13) p++;
      const lineEnd = p;
      const next = p < length && bytes[p] === 13 && bytes[p + 1] === 10 ? p + 2 : p + 1;
      cellStart[Math.min(cells, columns) + 1] = lineEnd + 1;
      const plain = cells === columns - 1 && (co < 0 || cellStart[co] === cellStart[co + 1] - 1) && printable(bytes, cellStart[cg], cellStart[cg + 1] - 1) && printable(bytes, cellStart[ck], cellStart[ck + 1] - 1);
      let kept = false;
      if (plain) {
        const g0 = cellStart[cg];
        const g1 = cellStart[cg + 1] - 1;
        if (!sameBytes(bytes, g0, g1, gFrom, gTo)) {
          gFrom = g0;
          gTo = g1;
          gCode = latin1(bytes, g0, g1);
          g = ref2.gastouders.get(gCode);
          idGastouder = -1;
          pairList = void 0;
          lastKoppeling = void 0;
        }
        const k0 = cellStart[ck];
        const k1 = cellStart[ck + 1] - 1;
        if (!sameBytes(bytes, k0, k1, kFrom, kTo)) {
          kFrom = k0;
          kTo = k1;
          kCode = latin1(bytes, k0, k1);
          k = ref2.kinderen.get(kCode);
          idKind = -1;
          pairList = void 0;
          lastKoppeling = void 0;
        }
        const maand = result.maand;
        if (g && k && maand !== void 0) {
          const parsed = dateCells.get(bytes, cellStart[cd], cellStart[cd + 1] - 1);
          const van = startCells.get(bytes, cellStart[cv], cellStart[cv + 1] - 1);
          const tot = endCells.get(bytes, cellStart[ct], cellStart[ct + 1] - 1);
          if (parsed !== void 0 && !(parsed instanceof ValueError) && typeof van === "number" && typeof tot === "number" && van < tot && parsed.datum.startsWith(maand) && parsed.datum <= today) {
            pairList ??= ref2.koppelingen.get(kCode)?.get(gCode);
            const koppeling = koppelingIn(pairList, parsed.datum);
            if (koppeling) {
              if (koppeling !== lastKoppeling) {
                lastKoppeling = koppeling;
                idKoppeling = koppelingen.id(koppeling.code);
              }
              if (idGastouder < 0) idGastouder = gastouders.id(gCode);
              if (idKind < 0) idKind = kinderen.id(kCode);
              result.rijen++;
              rows.add(idGastouder, idKind, idKoppeling, parsed.day, van, tot, line);
              kept = true;
            }
          }
        }
      }
      if (!kept) {
        const cellsText = decoder.decode(bytes.subarray(pos, lineEnd)).split(format.delimiter);
        if (!cellsText.every((c) => c.trim() === "")) this.add([{ line, cells: cellsText }]);
      }
      line++;
      pos = next;
    }
    return line;
  }
  /** Parse results of date and time cells by their bytes: no string per line. */
  dateCells = new CellCache(this.date);
  startCells = new CellCache(this.start);
  endCells = new CellCache(this.end);
  /** The contract's name of the column at a position of the header ('van' for 'begintijd'). */
  columnName(position) {
    const found = Object.keys(this.col).find((c) => this.col[c] === position);
    return found ?? (position >= 0 ? this.header[position] ?? "blad" : "blad");
  }
  add(batch) {
    const { col, ref: ref2, result, header, date, start, end } = this;
    const { fouten, rows, gastouders, kinderen, koppelingen } = result;
    const { today, maand: maandOption } = this.options;
    let maand = result.maand;
    let currentLine = 0;
    const err = (veld, melding) => fouten.push({ regel: currentLine, veld, melding });
    let lastG;
    let lastGastouder;
    let lastK;
    let lastKind;
    let pairG;
    let pairK;
    let pairList;
    let idG;
    let idGastouder = -1;
    let idK;
    let idKind = -1;
    let lastKoppeling;
    let idKoppeling = -1;
    for (const { line, cells, fout, cellErrors } of batch) {
      currentLine = line;
      if (!fout && !cellErrors && cells.every((cell, i) => i === col.gastouder || cell.trim() === "")) continue;
      result.rijen++;
      if (cellErrors) {
        for (const e of cellErrors) err(this.columnName(e.column), e.melding);
        continue;
      }
      if (fout !== void 0) {
        err("csv", fout);
        continue;
      }
      if (cells.length !== header.length) {
        err(
          "csv",
          `${aantal(cells.length, "cel", "cellen")}, maar de kopregel heeft ${aantal(header.length, "kolom", "kolommen")}; controleer het scheidingsteken en de aanhalingstekens`
        );
        continue;
      }
      const before = fouten.length;
      const gCode = cells[col.gastouder].trim();
      const kCode = cells[col.kind].trim();
      if (gCode !== lastG) {
        lastG = gCode;
        lastGastouder = ref2.gastouders.get(gCode);
      }
      const g = lastGastouder;
      if (!g && cells.map(normalizeHeader).join("|") === this.headerKey) {
        err("csv", "nog een kopregel midden in het bestand (twee bestanden aan elkaar geplakt?); haal die regel weg");
        continue;
      }
      if (kCode !== lastK) {
        lastK = kCode;
        lastKind = ref2.kinderen.get(kCode);
      }
      const k = lastKind;
      if (gCode === "") err("gastouder", "ontbreekt");
      else if (!g)
        err(
          "gastouder",
          `onbekende gastouder-code '${gCode}'${ref2.kinderen.has(gCode) ? " (dat is een kind: zijn de kolommen gastouder en kind verwisseld?)" : ""}`
        );
      if (kCode === "") err("kind", "ontbreekt");
      else if (!k)
        err(
          "kind",
          `onbekende kind-code '${kCode}'${ref2.gastouders.has(kCode) ? " (dat is een gastouder: zijn de kolommen gastouder en kind verwisseld?)" : ""}`
        );
      const parsed = date(cells[col.datum].trim());
      const datum = parsed instanceof ValueError ? parsed : parsed.datum;
      if (datum instanceof ValueError) err("datum", datum.message);
      else {
        if (maand === void 0) result.maand = maand = monthOf(datum);
        if (!datum.startsWith(maand)) {
          err(
            "datum",
            `${datum} hoort niet bij de maand ${maand}; \xE9\xE9n maand per import${maandOption ? " (--maand)" : " (de maand van de eerste rij)"}`
          );
        } else if (datum > today) err("datum", `${datum} ligt na vandaag (${today}); uren komen pas binnen als ze gewerkt zijn`);
      }
      const van = start(cells[col.van].trim());
      const tot = end(cells[col.tot].trim());
      if (van instanceof ValueError) err("van", van.message);
      if (tot instanceof ValueError) err("tot", tot.message);
      if (typeof van === "number" && typeof tot === "number" && van >= tot) {
        err("tot", `de eindtijd ${minutesToTime(tot)} moet na de begintijd ${minutesToTime(van)} liggen`);
      }
      let opmerking = col.opmerking >= 0 ? unescapeCell(cells[col.opmerking]) : "";
      if (opmerking !== "") {
        try {
          opmerking = parseOpmerking(opmerking);
        } catch (error) {
          if (!(error instanceof ValueError)) throw error;
          err("opmerking", error.message);
        }
      }
      if (fouten.length > before || typeof datum !== "string" || typeof van !== "number" || typeof tot !== "number") continue;
      if (gCode !== pairG || kCode !== pairK) {
        pairG = gCode;
        pairK = kCode;
        pairList = ref2.koppelingen.get(kCode)?.get(gCode);
      }
      const koppeling = koppelingIn(pairList, datum);
      if (!koppeling) {
        err("kind", geenKoppeling(ref2, kCode, gCode, datum));
        continue;
      }
      if (gCode !== idG) {
        idG = gCode;
        idGastouder = gastouders.id(gCode);
      }
      if (kCode !== idK) {
        idK = kCode;
        idKind = kinderen.id(kCode);
      }
      if (koppeling !== lastKoppeling) {
        lastKoppeling = koppeling;
        idKoppeling = koppelingen.id(koppeling.code);
      }
      rows.add(idGastouder, idKind, idKoppeling, parsed.day, van, tot, line, opmerking);
    }
  }
};

// ../../../tmp/p16/h/harness.ts
var db = new Database("/tmp/p16/k.sqlite", { readonly: true });
var byPair = /* @__PURE__ */ new Map();
for (const k of db.prepare("select code, kind, gastouder, start, eind from koppeling").all()) {
  let m = byPair.get(k.kind);
  if (!m) byPair.set(k.kind, m = /* @__PURE__ */ new Map());
  const l = m.get(k.gastouder);
  if (l) l.push(k);
  else m.set(k.gastouder, [k]);
}
var ref = {
  gastouders: new Map(db.prepare("select code from gastouder").all().map((g) => [g.code, { code: g.code, achterwacht: true, slaapruimte: true, ervaringSinds: null, beginnerMax: 0 }])),
  kinderen: new Map(db.prepare("select code, geboortedatum, eigen_kind_van from kind").all().map((k) => [k.code, { eigen: k.eigen_kind_van !== null, geboortedatum: k.geboortedatum, eigenKindVan: k.eigen_kind_van }])),
  koppelingen: byPair,
  bijOuder: /* @__PURE__ */ new Set(),
  deadlineDag: 5
};
for (let r = 0; r < 4; r++) {
  const t0 = performance.now();
  const source = await openCsv("/tmp/p16/b/uren.csv");
  const t1 = performance.now();
  const parser = new UrenParser(source.header, mapColumns(source.header), ref, { maand: void 0, today: "2026-11-03" });
  const l = source.lines();
  let n = l.first;
  for await (const chunk of l.chunks) n = parser.addLines(chunk, n, source);
  const t2 = performance.now();
  console.log("open", (t1 - t0).toFixed(0), "parse", (t2 - t1).toFixed(0), parser.result.rijen, parser.result.fouten.length);
}
