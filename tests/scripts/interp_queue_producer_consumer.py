from concurrent import interpreters

jobs = interpreters.create_queue(3)
done = interpreters.create_queue()
consumer = interpreters.create()
consumer.prepare_main(jobs=jobs, done=done)


def consume(jobs, done):
    total = 0
    count = 0
    while True:
        item = jobs.get()
        if item is None:
            break
        total += item['value']
        count += 1
    done.put((count, total))


t = consumer.call_in_thread(consume, jobs, done)
for i in range(100):
    jobs.put({'value': i, 'name': 'job%d' % i})
jobs.put(None)
t.join()
print(done.get())
consumer.close()
