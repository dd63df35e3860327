-- wrk script: /v1/search with a new random 4-letter prefix each request,
-- so the per-snapshot cache never answers (mostly the one-typo path).
math.randomseed(os.time())
request = function()
  local q = ""
  for i = 1, 4 do q = q .. string.char(math.random(97, 122)) end
  return wrk.format("GET", "/v1/search?q=" .. q .. "&limit=10")
end
