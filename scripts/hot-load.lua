-- The json-hot and html-hot loads of scripts/bench-scale.sh and scripts/bench-list-p99.sh, for wrk: a library is read
-- the way a few leaflets are read most. The case's script sets `hot` (leaflet ids, most read first) and `path_of(id)`,
-- then loads this file. Each leaflet is asked for in proportion to 1 / its rank (Zipf, s = 1), request n taking the
-- rank at the golden-ratio point n * 0.618... (mod 1) of the distribution: deterministic, every rank reached.
local cdf, total = {}, 0
for rank = 1, #hot do total = total + 1 / rank; cdf[rank] = total end
local n = 0
request = function()
  n = n + 1
  local u = ((n * 0.6180339887498949) % 1) * total
  local lo, hi = 1, #hot
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return wrk.format(nil, path_of(hot[lo]))
end
