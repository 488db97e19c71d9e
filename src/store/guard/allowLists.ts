// What the console may call, per store: functions by name (lower case, dotted) and
// procedures. Anything not listed is refused, so a function an engine adds later, a
// plugin (APOC, GDS, GenAI) or an extension is refused until someone lists it here.
//
// LadybugDB: its scalar, aggregate and rewrite functions (`CALL show_functions()` on
// 0.19) except nextval/currval (sequences: nextval writes) and setseed (session state).
// Table functions (read_csv, current_setting, …) are only reachable through CALL and
// LOAD FROM; CALL takes the four below, LOAD FROM is refused.
// Neo4j: the built-in functions of Neo4j 5, without file()/linenumber() (LOAD CSV),
// graph.* (composite databases) and db.nameFromElementId.
// tests/store/consoleGuard.test.ts checks both lists against the engines' catalogues.
export type Dialect = 'lbug' | 'neo4j';

const LBUG_FUNCTIONS = `
abs acos all any array_append array_cat array_concat array_contains array_cosine_similarity array_cross_product
array_distance array_dot_product array_extract array_has array_indexof array_inner_product array_position array_prepend
array_push_back array_push_front array_slice array_squared_distance array_value asin atan atan2 bitshift_left
bitshift_right bitwise_and bitwise_or bitwise_xor blob cardinality cast cbrt ceil ceiling century coalesce concat
concat_ws constant_or_null contains cos cot count_if current_date current_timestamp date date_part date_trunc datepart
datetrunc dayname decode degrees duration element_at encode ends_with epoch_ms equals error even factorial floor gamma
gen_random_uuid greater_than greater_than_equals greatest hash ifnull initcap internal_id interval is_acyclic is_trail
last_day lcase least left less_than less_than_equals levenshtein lgamma list_any_value list_append list_cat list_concat
list_contains list_creation list_distinct list_element list_extract list_filter list_has list_has_all list_indexof
list_position list_prepend list_product list_reduce list_reverse list_reverse_sort list_slice list_sort list_sum
list_to_string list_transform list_unique ln log log10 log2 lower lpad ltrim make_date map map_extract map_keys
map_values md5 monthname negate nodes none not_equals octet_length offset pi pow prefix properties radians random range
regexp_extract regexp_extract_all regexp_full_match regexp_matches regexp_replace regexp_split_to_array relationships
rels repeat replace reverse right round rpad rtrim sha256 sign sin single size split_part sqrt starts_with str_split
string string_split string_to_array struct_extract struct_pack substr substring suffix tan timestamp to_blob to_bool
to_date to_days to_double to_epoch_ms to_float to_hours to_int128 to_int16 to_int32 to_int64 to_int8 to_interval
to_microseconds to_milliseconds to_minutes to_months to_seconds to_serial to_string to_timestamp to_uint128 to_uint16
to_uint32 to_uint64 to_uint8 to_uuid to_years tolower toupper trim typeof ucase union_extract union_tag union_value
upper uuid
avg collect count count_star histogram max min percentilecont percentiledisc sum
cost end_node id keys label labels length nullif rowid start_node
`;

const NEO4J_FUNCTIONS = `
abs acos all any asin atan atan2 avg btrim ceil char_length character_length coalesce collect cos cot count date
date.realtime date.statement date.transaction date.truncate datetime datetime.fromepoch datetime.fromepochmillis
datetime.realtime datetime.statement datetime.transaction datetime.truncate degrees duration duration.between
duration.indays duration.inmonths duration.inseconds e elementid endnode exp floor haversin head id isempty isnan keys
labels last left length localdatetime localdatetime.realtime localdatetime.statement localdatetime.transaction
localdatetime.truncate localtime localtime.realtime localtime.statement localtime.transaction localtime.truncate log
log10 lower ltrim max min nodes none normalize nullif percentilecont percentiledisc pi point point.distance
point.withinbbox properties radians rand randomuuid range reduce relationships replace reverse right round rtrim sign
sin single size split sqrt startnode stdev stdevp substring sum tail tan time time.realtime time.statement
time.transaction time.truncate timestamp toboolean tobooleanlist tobooleanornull tofloat tofloatlist tofloatornull
tointeger tointegerlist tointegerornull tolower tostring tostringlist tostringornull toupper trim type upper valuetype
vector.similarity.cosine vector.similarity.euclidean
`;

/** Schema introspection and full-text search: what a reader needs, nothing that writes, reads files or calls out. */
const LBUG_PROCEDURES = 'show_tables table_info db_version show_connection';
const NEO4J_PROCEDURES = `db.labels db.relationshiptypes db.propertykeys db.schema.visualization db.schema.nodetypeproperties
db.schema.reltypeproperties db.index.fulltext.querynodes`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const ALLOWED_FUNCTIONS: Record<Dialect, ReadonlySet<string>> = {
  lbug: words(LBUG_FUNCTIONS),
  neo4j: words(NEO4J_FUNCTIONS),
};

export const ALLOWED_PROCEDURES: Record<Dialect, ReadonlySet<string>> = {
  lbug: words(LBUG_PROCEDURES),
  neo4j: words(NEO4J_PROCEDURES),
};
