-- The mixed load of scripts/bench-scale.sh and scripts/bench-memory.sh, for wrk: request n goes to leaflet n (mod N), as
-- JSON, HTML, easy-read JSON, a list page, a search or (one in ten) a PDF, so no single cached answer stands for the
-- library. MIXED_IDS names a Lua file that sets `ids` (every leaflet id), MIXED_PAGES the number of list pages.
dofile(assert(os.getenv("MIXED_IDS"), "MIXED_IDS is not set"))
local pages = assert(tonumber(os.getenv("MIXED_PAGES")), "MIXED_PAGES is not a number")
local queries = {"bone%20cement", "asthma", "vertebroplasty", "hip%20replacement", "diabetes", "pain"}
local n = 0
request = function()
  n = n + 1
  local id = ids[(n * 7919) % #ids + 1]
  local kind = n % 10
  local path
  if kind <= 2 then path = "/api/leaflets/" .. id
  elseif kind <= 4 then path = "/api/leaflets/" .. id .. "/html"
  elseif kind == 5 then path = "/api/leaflets/" .. id .. "?variant=easy-read"
  elseif kind == 6 then path = "/api/leaflets?page=" .. ((n % pages) + 1)
  elseif kind <= 8 then path = "/api/leaflets?q=" .. queries[(n % #queries) + 1]
  else path = "/api/leaflets/" .. id .. "/pdf" end
  return wrk.format(nil, path)
end
