import { mount } from "svelte";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import App from "./App.svelte";

const target = document.getElementById("app");
if (target) mount(App, { target });
