-- wrk script: posts replies through the web form, as a signed-in person without JavaScript would.
-- Needs SESSION, XSRF (cookie) and CSRF (form token) in the environment, and THREAD (a thread id).
local counter = 0
local session = os.getenv("SESSION")
local xsrf = os.getenv("XSRF")
local csrf = os.getenv("CSRF")
local thread = os.getenv("THREAD")

request = function()
  counter = counter + 1
  local key = string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0, 0xfff), counter * 65536 + math.random(0, 0xffff))
  local body = "_csrf=" .. csrf .. "&idempotencyKey=" .. key .. "&body=Load+test+reply+" .. counter
  return wrk.format("POST", "/threads/" .. thread .. "/posts",
    { ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "SESSION=" .. session .. "; XSRF-TOKEN=" .. xsrf }, body)
end
