import requests

value = mapping["key"]
item = queue.get()
response = requests.get("https://example.com")
page = self.client.get("/users", follow=True)
data = session.get(url)
choice = config.get("port", default=8080)
three = options.get("a", "b", "c")
