-- wrk script: every request POSTs a new rating with a unique id (thread number and counter in
-- the UUID's last group), so each request is a real insert, not a repeat.
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  path = args[1] or "/v1/ratings"
  -- A second wrk beside this one (two collectors) passes another instance number, so the two
  -- never send the same id.
  instance = tonumber(args[2] or "0")
end

function request()
  counter = counter + 1
  local id = string.format("3f2b8c1e-9d4a-4b7e-8f6a-%04x%08x", instance * 256 + thread_number, counter)
  local body = string.format(
    '{"schema":"civic-pulse.rating.v1","id":"%s","service":"transport","scale":"good-bad-5","score":%d,"lang":"zh-Hans","day":"2026-11-22"}',
    id, counter % 5 + 1)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = id }, body)
end
