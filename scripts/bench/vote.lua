-- wrk script: votes through the web form as the seeded pseudonymous voters, as a browser without JavaScript would.
-- Each request is one voter (of the 10,000 seeded, at random) voting agree, disagree or pass on a random statement
-- of the 500: mostly a first vote, sometimes a changed one. Needs CONVERSATION, XSRF (cookie) and CSRF (form token).
local xsrf = os.getenv("XSRF")
local csrf = os.getenv("CSRF")
local path = "/conversations/" .. os.getenv("CONVERSATION") .. "/votes"
local votes = { "agree", "disagree", "pass" }

request = function()
  local voter = math.random(1, 10000)
  local body = "_csrf=" .. csrf .. "&statement=" .. math.random(0, 499) .. "&vote=" .. votes[math.random(1, 3)]
  return wrk.format("POST", path,
    { ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "XSRF-TOKEN=" .. xsrf .. "; polyphony-voter=bench" .. string.format("%038d", voter) }, body)
end
