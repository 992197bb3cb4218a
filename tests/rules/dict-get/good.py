import requests

value = mapping["key"]
item = queue.get()
response = requests.get("https://example.com")
page = self.client.get("/users", follow=True)
data = session.get(url)
choice = config.get("port", default=8080)
three = options.get("a", "b", "c")


# A route decorator calls a `get` method, but it is no mapping lookup.
@app.get("/items")
async def list_items():
    return []


@router.get("/users/{user_id}", response_model=User)
def read_user(user_id: int):
    return users[user_id]
