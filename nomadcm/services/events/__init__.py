"""Client events: what happens on the client's side (launches, closures, press days...), typed by hand or read
from the client's calendar, shown beside the posts and checked against them."""
