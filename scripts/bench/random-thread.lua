-- wrk script: anonymous readers opening random threads of the seeded data set (ids FIRST..LAST).
local first = tonumber(os.getenv("FIRST"))
local last = tonumber(os.getenv("LAST"))
request = function()
  return wrk.format("GET", "/threads/" .. math.random(first, last))
end
