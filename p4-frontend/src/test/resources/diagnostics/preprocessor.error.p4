// #error stops preprocessing with the user's message.
#error this program needs a configuration header
